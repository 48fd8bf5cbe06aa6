using CertGuard.Core;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Campaigns.Reports;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns.Reports;

/// <summary>Where a city's report stands on the sheet: 未报 / 已报 / 逾期 / 退回 / 已采纳.</summary>
public enum SheetState
{
    NotSubmitted,
    Submitted,
    Overdue,
    Returned,
    Accepted,
}

/// <summary>One row of the province sheet: a city (or 全省合计 with a null code), its figures for the period and since the campaign's start.</summary>
public sealed record SheetRow(string? CityCode, string Name, string NameEn, SheetState? State, bool Late, DateTimeOffset? SubmittedAt, StatisticsFigures Period, StatisticsFigures Cumulative);

/// <summary>The province's statistics sheet for a month: the cities in the directory's order, then the total.</summary>
public sealed record ProvinceSheet(Campaign Campaign, DateOnly Month, DateTimeOffset At, IReadOnlyList<SheetRow> Cities, SheetRow Total, IReadOnlySet<string> CountedCodes);

/// <summary>
/// Builds the 统计表 for a month: a submitted city's frozen figures, any other city's live ones over its open window,
/// cumulative columns adding up the earlier submitted reports; the total sums the cities and recomputes the rates.
/// Live figures are counted in one pass for every open city, whatever its window's start (one query per code).
/// </summary>
public sealed class StatisticsSheet(CertGuardDbContext db, StatisticsCalculator calculator, ReportDesk desk, IActor actor, TimeProvider clock)
{
    public async Task<ProvinceSheet> BuildAsync(Guid campaignId, DateOnly month, string? onlyCity, CancellationToken ct)
    {
        if (onlyCity is not null) ReportAccess.CheckCity(actor, onlyCity);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        month = new DateOnly(month.Year, month.Month, 1);
        var now = clock.GetUtcNow();
        ReportDesk.CheckMonth(campaign, month, ChinaTime.DateOf(now));

        // The cities the viewer reaches: one, the viewer's own, or all 21.
        var cities = RegionDirectory.Guangdong.Cities
            .Where(c => onlyCity is null ? actor.Scope is not { SeesWholeProvince: false } || c.Code == actor.Scope.CityCode : c.Code == onlyCity)
            .ToList();
        var codes = cities.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        var reports = (await db.MonthlyReports.AsNoTracking().Where(r => r.CampaignId == campaignId && r.Month == month).ToListAsync(ct))
            .Where(r => codes.Contains(r.CityCode)).ToDictionary(r => r.CityCode, StringComparer.Ordinal);
        var reportIds = reports.Values.Select(r => r.Id).ToList();
        var rows = (await db.ReportFigures.AsNoTracking().Where(f => reportIds.Contains(f.ReportId)).ToListAsync(ct)).ToLookup(f => f.ReportId);
        var earlierCutOffs = (await db.MonthlyReports.AsNoTracking()
                .Where(r => r.CampaignId == campaignId && r.Month < month && r.CutOff != null)
                .Select(r => new { r.CityCode, r.CutOff }).ToListAsync(ct))
            .GroupBy(r => r.CityCode).ToDictionary(g => g.Key, g => g.Max(r => r.CutOff!.Value), StringComparer.Ordinal);

        // Open windows (drafts, returned and missing reports), each from its own start, counted together.
        var starts = cities.Where(c => !reports.TryGetValue(c.Code, out var r) || r.IsEditable)
            .ToDictionary(c => c.Code, c => reports.TryGetValue(c.Code, out var r) ? r.PeriodStart
                : ReportDesk.PeriodStarts(campaign, earlierCutOffs.TryGetValue(c.Code, out var cut) ? cut : null), StringComparer.Ordinal);
        IReadOnlyDictionary<string, StatisticsFigures> live = starts.Count == 0 ? new Dictionary<string, StatisticsFigures>(StringComparer.Ordinal)
            : await calculator.ComputeAsync(IndicatorWindow.PerCity(starts, now), ct);

        var earlier = await desk.EarlierFiguresAsync(campaignId, codes, month, ct);
        var result = new List<SheetRow>();
        foreach (var city in cities)
        {
            reports.TryGetValue(city.Code, out var report);
            var mine = report is null ? [] : rows[report.Id].ToList();
            var computed = report is { IsEditable: false }
                ? await desk.ComputedAsync(report, mine, now, ct)
                : ReportComposition.Counted(live[city.Code], calculator.ComputedCodes);
            var period = ReportComposition.Figures(ReportComposition.Lines(computed, mine));
            var cumulative = StatisticsFigures.Sum(earlier.GetValueOrDefault(city.Code, []).Append(period));
            result.Add(new SheetRow(city.Code, city.Name, city.NameEn, StateOf(report, month, now), report?.Late ?? now >= MonthlyReport.DueFor(month),
                report?.SubmittedAt, period, cumulative));
        }
        var total = new SheetRow(null, "全省合计", "Province total", null, false, null,
            StatisticsFigures.Sum(result.Select(r => r.Period)), StatisticsFigures.Sum(result.Select(r => r.Cumulative)));
        return new ProvinceSheet(campaign, month, now, result, total, calculator.ComputedCodes);
    }

    /// <summary>未报, or 逾期 once the 25th has passed without a submission; 已报, 退回, 已采纳 as the report stands.</summary>
    public static SheetState StateOf(MonthlyReport? report, DateOnly month, DateTimeOffset now) => report?.State switch
    {
        MonthlyReportState.Submitted => SheetState.Submitted,
        MonthlyReportState.Accepted => SheetState.Accepted,
        MonthlyReportState.Returned => SheetState.Returned,
        _ => report?.Late == true || now >= MonthlyReport.DueFor(month) ? SheetState.Overdue : SheetState.NotSubmitted,
    };
}
