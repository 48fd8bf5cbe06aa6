using CertGuard.Core.Campaigns;
using CertGuard.Core.Campaigns.Reports;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Campaigns.Reports;

namespace CertGuard.Web.Features.Statistics;

/// <summary>A report's line: null values are "not yet available" (暂无数据), never zero.</summary>
public sealed record LineResponse(string Code, int Number, string Label, string Unit, string Source, decimal? Computed, decimal? Corrected, string? Reason,
    decimal? Entered, string? SourceNote, decimal? Value, decimal? Cumulative);

public sealed record AttachmentResponse(Guid Id, string FileName, string ContentType, int Length, string AddedBy, DateTimeOffset AddedAt);

public sealed record ReportResponse(Guid Id, Guid CampaignId, string City, string CityName, string Month, string State, bool Late, DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd, DateTimeOffset? CutOff, DateTimeOffset DueBy, DateTimeOffset? SubmittedAt, string? SubmittedBy, string? ReturnReason,
    string? WorkText, int Version, bool Frozen, IReadOnlyList<LineResponse> Lines, IReadOnlyList<AttachmentResponse> Attachments)
{
    public static ReportResponse From(ReportView v) => new(v.Report.Id, v.Report.CampaignId, v.Report.CityCode, v.CityName, StatisticsAccess.Format(v.Report.Month),
        v.Report.State.ToString(), v.Report.Late, v.Report.PeriodStart, v.PeriodEnd, v.Report.CutOff, v.Report.DueBy, v.Report.SubmittedAt, v.Report.SubmittedBy,
        v.Report.ReturnReason, v.Report.WorkText, v.Report.Version, v.Frozen,
        v.Lines.Select(l => new LineResponse(l.Code, l.Indicator.Number, l.Indicator.Label, l.Indicator.Unit, l.Source.ToString(), l.Computed, l.Corrected, l.Reason,
            l.Entered, l.SourceNote, l.Value, v.Cumulative[l.Code])).ToList(),
        v.Attachments.Select(a => new AttachmentResponse(a.Id, a.FileName, a.ContentType, a.Length, a.AddedBy, a.AddedAt)).ToList());
}

public sealed record StateResponse(Guid Id, string State, bool Late, DateTimeOffset? CutOff, int Version)
{
    public static StateResponse From(MonthlyReport r) => new(r.Id, r.State.ToString(), r.Late, r.CutOff, r.Version);
}

public sealed record RecordsResponse(string Code, string City, DateTimeOffset From, DateTimeOffset To, decimal? Figure, bool Available, IReadOnlyList<IndicatorRecord> Records);

public sealed record SheetRowResponse(string? City, string Name, string? State, bool Late, DateTimeOffset? SubmittedAt,
    IReadOnlyDictionary<string, decimal?> Period, IReadOnlyDictionary<string, decimal?> Cumulative)
{
    public static SheetRowResponse From(SheetRow r) => new(r.CityCode, r.Name, r.State?.ToString(), r.Late, r.SubmittedAt, Ordered(r.Period), Ordered(r.Cumulative));

    private static Dictionary<string, decimal?> Ordered(StatisticsFigures f) => StatisticsIndicators.All.ToDictionary(i => i.Code, i => f[i.Code]);
}

public sealed record SheetResponse(Guid CampaignId, string Campaign, string Month, DateTimeOffset At, IReadOnlyList<SheetRowResponse> Cities, SheetRowResponse Total)
{
    public static SheetResponse From(ProvinceSheet s) => new(s.Campaign.Id, s.Campaign.Name, StatisticsAccess.Format(s.Month), s.At,
        s.Cities.Select(SheetRowResponse.From).ToList(), SheetRowResponse.From(s.Total));
}
