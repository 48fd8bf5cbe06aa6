using System.Text.Json;
using CertGuard.Core;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Campaigns.Reports;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Campaigns.Reports;

/// <summary>A report as the page and the API show it.</summary>
public sealed record ReportView(
    MonthlyReport Report,
    string CampaignName,
    string CityName,
    DateTimeOffset PeriodEnd,
    bool Frozen,
    IReadOnlyList<ReportLine> Lines,
    StatisticsFigures Cumulative,
    IReadOnlyList<AttachmentRow> Attachments);

public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, int Length, string AddedBy, DateTimeOffset AddedAt);

/// <summary>
/// A city's monthly report (月报与统计表): opened on first visit, filled live from the modules' records, corrected and
/// completed by the city office, submitted (which freezes it), accepted or returned by the province.
/// </summary>
public sealed class ReportDesk(CertGuardDbContext db, StatisticsCalculator calculator, IActor actor, TimeProvider clock, IOptions<ReportOptions> options)
{
    public const string AttachmentAuditAction = "report-attachment";

    /// <summary>The report of a city for a month of a campaign, created on first open.</summary>
    public async Task<MonthlyReport> OpenAsync(Guid campaignId, string city, DateOnly month, CancellationToken ct)
    {
        ReportAccess.CheckCity(actor, city);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        month = new DateOnly(month.Year, month.Month, 1);
        CheckMonth(campaign, month, ChinaTime.Today(clock));
        var start = PeriodStarts(campaign, await EarlierCutOffAsync(campaignId, city, month, ct));
        var report = await db.MonthlyReports.SingleOrDefaultAsync(r => r.CampaignId == campaignId && r.CityCode == city && r.Month == month, ct);
        if (report is null)
        {
            report = new MonthlyReport(campaignId, city, month, start);
            db.MonthlyReports.Add(report);
            await db.SaveChangesAsync(ct);
        }
        else if (report.FollowPrevious(start))
            await db.SaveChangesAsync(ct);
        return report;
    }

    public async Task<ReportView> ViewAsync(Guid campaignId, string city, DateOnly month, CancellationToken ct)
    {
        var report = await OpenAsync(campaignId, city, month, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        var rows = await db.ReportFigures.AsNoTracking().Where(f => f.ReportId == report.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var frozen = !report.IsEditable;
        var computed = await ComputedAsync(report, rows, now, ct);
        var lines = ReportComposition.Lines(computed, rows);
        var earlier = await EarlierFiguresAsync(campaignId, [city], report.Month, ct);
        var cumulative = StatisticsFigures.Sum(earlier.GetValueOrDefault(city, []).Append(ReportComposition.Figures(lines)));
        var attachments = await db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.AddedAt)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Length, a.AddedBy, a.AddedAt)).ToListAsync(ct);
        return new ReportView(report, campaign.Name, RegionDirectory.Guangdong.NameOf(city), report.CutOff ?? now, frozen, lines, cumulative, attachments);
    }

    /// <summary>The records behind one computed figure of the report: exactly what it counts, in its window.</summary>
    public async Task<(ReportView View, IReadOnlyList<IndicatorRecord>? Records)> RecordsAsync(Guid campaignId, string city, DateOnly month, string code, CancellationToken ct)
    {
        var view = await ViewAsync(campaignId, city, month, ct);
        if (StatisticsIndicators.Find(code) is null) throw Refusal.NotFound("REPORT-CODE-UNKNOWN", ("code", code));
        var listing = calculator.ListAsync(code, city, new IndicatorWindow(view.Report.PeriodStart, view.PeriodEnd, [city]), ct);
        return (view, listing is null ? null : await listing);
    }

    /// <summary>Corrects a computed figure by hand (both values kept, with the reason); a null value removes the correction.</summary>
    public async Task CorrectAsync(Guid campaignId, string city, DateOnly month, string code, decimal? value, string? reason, CancellationToken ct)
    {
        ReportAccess.CheckCityOffice(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        report.EnsureEditable();
        if (StatisticsIndicators.Find(code) is not { Kind: IndicatorKind.Computed } || !calculator.ComputedCodes.Contains(code))
            throw Refusal.Invalid("REPORT-NOT-CORRECTABLE", ("code", code));
        (await RowAsync(report, code, ct)).Correct(value, reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Types an entered figure with its source note; a null value clears it.</summary>
    public async Task EnterAsync(Guid campaignId, string city, DateOnly month, string code, decimal? value, string? note, CancellationToken ct)
    {
        ReportAccess.CheckCityOffice(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        report.EnsureEditable();
        if (StatisticsIndicators.Find(code) is not { } indicator || !ReportComposition.IsEntered(indicator, calculator.ComputedCodes))
            throw Refusal.Invalid("REPORT-NOT-ENTERED", ("code", code));
        (await RowAsync(report, code, ct)).Enter(value, note);
        await db.SaveChangesAsync(ct);
    }

    public async Task<MonthlyReport> WriteTextAsync(Guid campaignId, string city, DateOnly month, string? text, int version, CancellationToken ct)
    {
        ReportAccess.CheckCityOffice(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        Expect(report, version);
        report.WriteText(text);
        await db.SaveChangesAsync(ct);
        return report;
    }

    public async Task<AttachmentRow> AttachAsync(Guid campaignId, string city, DateOnly month, string fileName, byte[] content, CancellationToken ct)
    {
        ReportAccess.CheckCityOffice(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        report.EnsureEditable();
        var limits = options.Value;
        if (content.Length == 0) throw Refusal.Invalid("REPORT-ATTACHMENT-EMPTY");
        if (content.Length > limits.MaxAttachmentBytes) throw Refusal.TooLarge("REPORT-ATTACHMENT-TOO-LARGE", ("max", limits.MaxAttachmentBytes / 1024 / 1024));
        var type = AttachmentTypes.Sniff(content, fileName) ?? throw Refusal.Invalid("REPORT-ATTACHMENT-TYPE");
        if (await db.ReportAttachments.CountAsync(a => a.ReportId == report.Id, ct) >= limits.MaxAttachments)
            throw Refusal.TooMany("REPORT-ATTACHMENTS-TOO-MANY", ("max", limits.MaxAttachments));
        var name = Path.GetFileName(fileName.Trim());
        var attachment = new ReportAttachment(report.Id, city, name.Length == 0 ? "attachment" : name, type, content, actor.Name, clock.GetUtcNow());
        db.ReportAttachments.Add(attachment);
        db.AddAuditEntry(AttachmentAuditAction, nameof(MonthlyReport), report.Id.ToString(),
            JsonSerializer.Serialize(new { added = attachment.Id, attachment.FileName, attachment.ContentType, attachment.Length }));
        await db.SaveChangesAsync(ct);
        return new AttachmentRow(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Length, attachment.AddedBy, attachment.AddedAt);
    }

    public async Task<ReportAttachment> AttachmentAsync(Guid campaignId, string city, DateOnly month, Guid attachmentId, CancellationToken ct)
    {
        var report = await OpenAsync(campaignId, city, month, ct);
        return await db.ReportAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ReportId == report.Id, ct)
            ?? throw Refusal.NotFound("REPORT-ATTACHMENT-NOT-FOUND");
    }

    public async Task RemoveAttachmentAsync(Guid campaignId, string city, DateOnly month, Guid attachmentId, CancellationToken ct)
    {
        ReportAccess.CheckCityOffice(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        report.EnsureEditable();
        var attachment = await db.ReportAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ReportId == report.Id, ct)
            ?? throw Refusal.NotFound("REPORT-ATTACHMENT-NOT-FOUND");
        db.ReportAttachments.Remove(attachment);
        db.AddAuditEntry(AttachmentAuditAction, nameof(MonthlyReport), report.Id.ToString(), JsonSerializer.Serialize(new { removed = attachment.Id, attachment.FileName }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Submits (or resubmits): the computed figures freeze at the cut-off, now; after the 25th it is recorded as late.</summary>
    public async Task<MonthlyReport> SubmitAsync(Guid campaignId, string city, DateOnly month, int version, CancellationToken ct)
    {
        ReportAccess.CheckCityOffice(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        Expect(report, version);
        report.EnsureEditable();
        var now = clock.GetUtcNow();
        var live = await LiveAsync(city, report.PeriodStart, now, ct);
        var rows = await db.ReportFigures.Where(f => f.ReportId == report.Id).ToListAsync(ct);
        foreach (var row in rows) row.Freeze(live.TryGetValue(row.Code, out var v) ? v : null);
        foreach (var (code, value) in live.Where(l => rows.All(r => r.Code != l.Key)))
        {
            var row = new ReportFigure(report.Id, city, code);
            row.Freeze(value);
            db.ReportFigures.Add(row);
        }
        report.Submit(actor.Name, now);
        await db.SaveChangesAsync(ct);
        return report;
    }

    public async Task<MonthlyReport> ReturnAsync(Guid campaignId, string city, DateOnly month, string? reason, int version, CancellationToken ct)
    {
        ReportAccess.CheckProvince(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        Expect(report, version);
        report.Return(reason ?? "", actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return report;
    }

    public async Task<MonthlyReport> AcceptAsync(Guid campaignId, string city, DateOnly month, int version, CancellationToken ct)
    {
        ReportAccess.CheckProvince(actor);
        var report = await OpenAsync(campaignId, city, month, ct);
        Expect(report, version);
        report.Accept(actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>The months a campaign asks reports for (its start month … its end month), up to today's.</summary>
    public static IReadOnlyList<DateOnly> Months(Campaign campaign, DateOnly today)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(campaign.StartsOn.Year, campaign.StartsOn.Month, 1); m <= campaign.EndsOn && m <= today; m = m.AddMonths(1))
            months.Add(m);
        return months;
    }

    /// <summary>The campaign's first moment, China time: the first report's window starts there.</summary>
    public static DateTimeOffset PeriodStarts(Campaign campaign, DateTimeOffset? earlierCutOff) =>
        (earlierCutOff ?? ChinaTime.StartOfDay(campaign.StartsOn)).ToUniversalTime();

    internal static void CheckMonth(Campaign campaign, DateOnly month, DateOnly today)
    {
        if (!Months(campaign, today).Contains(month)) throw Refusal.NotFound("REPORT-MONTH", ("month", month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<DateTimeOffset?> EarlierCutOffAsync(Guid campaignId, string city, DateOnly month, CancellationToken ct)
    {
        var cutOffs = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.CityCode == city && r.Month < month && r.CutOff != null)
            .Select(r => r.CutOff!.Value).ToListAsync(ct);
        return cutOffs.Count == 0 ? null : cutOffs.Max();
    }

    /// <summary>The computed figures of one city counted live over [from, to).</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> LiveAsync(string city, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var live = await calculator.ComputeAsync(new IndicatorWindow(from, to, [city]), ct);
        return ReportComposition.Counted(live[city], calculator.ComputedCodes);
    }

    /// <summary>
    /// The computed figures of a report: live over [start, now) while it can change, else those frozen at its cut-off.
    /// A submitted report that froze nothing while modules count now (the demo's, or one submitted before any module
    /// counted) is counted over its fixed window [start, cut-off) instead.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, decimal>> ComputedAsync(MonthlyReport report, IReadOnlyCollection<ReportFigure> rows, DateTimeOffset now, CancellationToken ct)
    {
        if (report.IsEditable) return await LiveAsync(report.CityCode, report.PeriodStart, now, ct);
        if (FrozeAny(rows)) return ReportComposition.Frozen(rows);
        return await LiveAsync(report.CityCode, report.PeriodStart, report.CutOff ?? now, ct);
    }

    private bool FrozeAny(IEnumerable<ReportFigure> rows) => rows.Any(r => r.Computed is not null) || calculator.ComputedCodes.Count == 0;

    /// <summary>The reported figures of each city's earlier submitted reports (the cumulative columns add them up).</summary>
    internal async Task<Dictionary<string, List<StatisticsFigures>>> EarlierFiguresAsync(Guid campaignId, IReadOnlyCollection<string>? cities, DateOnly month, CancellationToken ct)
    {
        var reports = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.Month < month && r.CutOff != null).ToListAsync(ct);
        if (cities is not null) reports = reports.Where(r => cities.Contains(r.CityCode)).ToList();
        var ids = reports.Select(r => r.Id).ToList();
        var rows = (await db.ReportFigures.AsNoTracking().Where(f => ids.Contains(f.ReportId)).ToListAsync(ct)).ToLookup(f => f.ReportId);
        // Submitted reports that froze nothing (see ComputedAsync) are counted over their windows: all the cities of a
        // month in one pass, not one pass per city and month.
        var counted = new Dictionary<Guid, IReadOnlyDictionary<string, decimal>>();
        foreach (var unfrozen in reports.Where(r => !r.IsEditable && !FrozeAny(rows[r.Id])).GroupBy(r => r.Month))
        {
            var live = await calculator.ComputeAsync(
                IndicatorWindow.PerCity(unfrozen.ToDictionary(r => r.CityCode, r => (r.PeriodStart, r.CutOff!.Value), StringComparer.Ordinal)), ct);
            foreach (var report in unfrozen) counted[report.Id] = ReportComposition.Counted(live[report.CityCode], calculator.ComputedCodes);
        }
        var result = new Dictionary<string, List<StatisticsFigures>>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            var mine = rows[report.Id].ToList();
            var computed = report.IsEditable ? ReportComposition.Frozen(mine)
                : counted.TryGetValue(report.Id, out var live) ? live : await ComputedAsync(report, mine, report.CutOff!.Value, ct);
            var lines = ReportComposition.Lines(computed, mine);
            if (!result.TryGetValue(report.CityCode, out var list)) result[report.CityCode] = list = [];
            list.Add(ReportComposition.Figures(lines));
        }
        return result;
    }

    private async Task<ReportFigure> RowAsync(MonthlyReport report, string code, CancellationToken ct)
    {
        var row = await db.ReportFigures.SingleOrDefaultAsync(f => f.ReportId == report.Id && f.Code == code, ct);
        if (row is not null) return row;
        row = new ReportFigure(report.Id, report.CityCode, code);
        db.ReportFigures.Add(row);
        return row;
    }

    private void Expect(MonthlyReport report, int version)
    {
        if (report.Version != version) throw Refusal.Conflict("CONCURRENT-CHANGE");
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
    }
}
