using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Data.Employers;

namespace CertGuard.Web.Features.Employers;

/// <summary>One row's verdict as the API answers it: the row as the file numbers it, the verdict code and the reason.</summary>
public sealed record RosterRowResponse(int Row, string Name, string MaskedNumber, string? Position, string Verdict, string VerdictName, string Reason, string? ItemCode)
{
    public static RosterRowResponse From(RosterRow r) => new(
        r.Row, r.Name, ResidentIdNumber.Mask(r.Number), r.PositionName, r.Verdict.Code(), r.Verdict.ChineseName(), r.Reason, r.ItemCode);
}

/// <summary>The counts of a check: rows, workers counted, compliant ones, bad rows, the rate (%) and each verdict's count.</summary>
public sealed record RosterSummary(int Rows, int Workers, int Compliant, int BadRows, decimal? Rate, IReadOnlyDictionary<string, int> Counts)
{
    public static RosterSummary From(RosterCheck c) => new(c.Rows, c.Workers, c.Compliant, c.BadRows, c.Rate, c.Counts);
}

public sealed record PositionRateResponse(string? Position, int Workers, int Compliant, decimal? Rate)
{
    public static PositionRateResponse From(PositionRate p) => new(p.Position.Length == 0 ? null : p.Position, p.Workers, p.Compliant, p.Rate);
}

/// <summary>A check in the history of an employer's roster: the rate over time.</summary>
public sealed record RosterCheckListItem(Guid Id, string Kind, string File, DateTimeOffset CheckedAt, string CheckedBy, int Rows, int Workers, int Compliant, int BadRows, decimal? Rate, bool Current)
{
    public static RosterCheckListItem From(RosterCheck c) => new(
        c.Id, c.Kind == RosterCheckKind.Upload ? "upload" : "recheck", c.FileName, c.At, c.CheckedBy, c.Rows, c.Workers, c.Compliant, c.BadRows, c.Rate, c.IsCurrent);
}

/// <summary>The answer to an upload or a recheck: one result per data row, the summary, the per-position rates, rectification changes.</summary>
public sealed record RosterCheckResponse(
    Guid CheckId, string Kind, string File, DateTimeOffset CheckedAt, RosterSummary Summary, IReadOnlyList<PositionRateResponse> Positions,
    IReadOnlyList<RosterRowResponse> Results, int RectificationOpened, int RectificationResolved)
{
    public static RosterCheckResponse From(RosterCheck check, IEnumerable<RosterRow> rows, int opened = 0, int resolved = 0) => new(
        check.Id, check.Kind == RosterCheckKind.Upload ? "upload" : "recheck", check.FileName, check.At, RosterSummary.From(check),
        check.Positions.Select(PositionRateResponse.From).ToList(), rows.OrderBy(r => r.Row).Select(RosterRowResponse.From).ToList(), opened, resolved);

    public static RosterCheckResponse From(RosterCheckResult result) => From(result.Check, result.Rows, result.Opened, result.Resolved);
}
