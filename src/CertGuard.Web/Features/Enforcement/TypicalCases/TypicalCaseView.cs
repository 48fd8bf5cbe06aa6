using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Core.Regions;

namespace CertGuard.Web.Features.Enforcement.TypicalCases;

/// <summary>A typical case on the desk (API): its text, its state and who moved it.</summary>
public sealed record TypicalCaseView(
    Guid Id, Guid CaseId, string RegionCode, string City, DateOnly OccurredOn, string Title, string Facts, string Penalty, string State,
    string DraftedBy, DateTimeOffset DraftedAt, string? CityApprovedBy, DateTimeOffset? CityApprovedAt, string? PublishedBy,
    DateTimeOffset? PublishedAt, string? ReturnReason, string? WithdrawnBy, DateTimeOffset? WithdrawnAt, string? WithdrawalReason, int Version)
{
    public static TypicalCaseView From(TypicalCase t) =>
        new(t.Id, t.CaseId, t.RegionCode, RegionDirectory.Guangdong.NameOf(t.RegionCode), t.OccurredOn, t.Title, t.Facts, t.Penalty, t.State.ToString(),
            t.DraftedBy, t.DraftedAt, t.CityApprovedBy, t.CityApprovedAt, t.PublishedBy, t.PublishedAt, t.ReturnReason, t.WithdrawnBy, t.WithdrawnAt,
            t.WithdrawalReason, t.Version);
}

/// <summary>What the public reads of a published typical case: date, city, what happened, the penalty.</summary>
public sealed record PublicTypicalCaseView(Guid Id, DateOnly OccurredOn, string City, string Title, string Facts, string Penalty, DateTimeOffset PublishedAt)
{
    public static PublicTypicalCaseView From(TypicalCase t) =>
        new(t.Id, t.OccurredOn, RegionDirectory.Guangdong.NameOf(t.RegionCode), t.Title, t.Facts, t.Penalty, t.PublishedAt ?? t.UpdatedAt);
}
