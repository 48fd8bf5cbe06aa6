using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns;

/// <summary>One line of the summaries view: the city (or the province), its summary if started, whether it is late now.</summary>
public sealed record SummaryRow(string CityCode, string Name, CampaignSummary? Summary, bool Overdue);

/// <summary>
/// Closing summaries (工作总结): a city office's for its city, the province office's own for the province; the first
/// draft is prefilled from the calculator over the campaign's whole window; submitted by the campaign's summary
/// deadline (12月25日) or flagged late; the province accepts or returns the cities'.
/// </summary>
public sealed class SummaryDesk(CertGuardDbContext db, IActor actor, TimeProvider clock, StatisticsCalculator calculator)
{
    private bool IsProvince => actor.Role == Role.ProvinceOffice;

    public async Task<IReadOnlyList<SummaryRow>> ListAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await Campaign(campaignId, ct);
        var summaries = await db.CampaignSummaries.AsNoTracking().Where(s => s.CampaignId == campaignId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var city = actor.Scope?.CityCode;
        var rows = new List<(string Code, string Name)>();
        if (city is null) rows.Add((CampaignSummary.ProvinceCode, "全省"));
        rows.AddRange(RegionDirectory.Guangdong.Cities.Where(c => city is null || c.Code == city).Select(c => (c.Code, c.Name)));
        return rows.Select(r =>
        {
            var s = summaries.FirstOrDefault(x => x.CityCode == r.Code);
            return new SummaryRow(r.Code, r.Name, s, s?.Late == true || (s?.SubmittedAt is null && now > campaign.SummaryDueBy));
        }).ToList();
    }

    /// <summary>The viewer's own summary, created with the prefilled draft the first time it is opened.</summary>
    public async Task<CampaignSummary> MineAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await Campaign(campaignId, ct);
        var code = OwnCode();
        var summary = await db.CampaignSummaries.FirstOrDefaultAsync(s => s.CampaignId == campaignId && s.CityCode == code, ct);
        if (summary is not null) return summary;
        summary = new CampaignSummary(campaignId, code, await PrefillAsync(campaign, code, ct));
        db.CampaignSummaries.Add(summary);
        await db.SaveChangesAsync(ct);
        return summary;
    }

    public async Task<CampaignSummary> WriteAsync(Guid campaignId, string text, int version, CancellationToken ct)
    {
        var summary = await MineAsync(campaignId, ct);
        CampaignDesk.Stale(summary.Version, version);
        summary.Write(text ?? "");
        await db.SaveChangesAsync(ct);
        return summary;
    }

    public async Task<CampaignSummary> SubmitAsync(Guid campaignId, int version, CancellationToken ct)
    {
        var campaign = await Campaign(campaignId, ct);
        var summary = await MineAsync(campaignId, ct);
        CampaignDesk.Stale(summary.Version, version);
        summary.Submit(actor.Name, clock.GetUtcNow(), campaign.SummaryDueBy);
        await db.SaveChangesAsync(ct);
        return summary;
    }

    public async Task<CampaignSummary> DecideAsync(Guid summaryId, bool accept, string? reason, int version, CancellationToken ct)
    {
        var summary = await db.CampaignSummaries.FirstOrDefaultAsync(s => s.Id == summaryId, ct) ?? throw Refusal.NotFound("SUMMARY-NOT-FOUND");
        CampaignDesk.Stale(summary.Version, version);
        if (accept) summary.Accept();
        else summary.Return(reason ?? "");
        await db.SaveChangesAsync(ct);
        return summary;
    }

    public async Task<CampaignSummary> GetAsync(Guid summaryId, CancellationToken ct) =>
        await db.CampaignSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summaryId, ct) ?? throw Refusal.NotFound("SUMMARY-NOT-FOUND");

    private async Task<string> PrefillAsync(Campaign campaign, string code, CancellationToken ct)
    {
        var to = ChinaTime.StartOfDay(campaign.EndsOn.AddDays(1));
        var now = clock.GetUtcNow();
        var window = new IndicatorWindow(ChinaTime.StartOfDay(campaign.StartsOn), now < to ? now : to,
            code == CampaignSummary.ProvinceCode ? null : [code]);
        var figures = await calculator.ComputeAsync(window, ct);
        var totals = StatisticsFigures.Sum(figures.Values);
        var who = code == CampaignSummary.ProvinceCode ? "广东省安委办" : RegionDirectory.Guangdong.NameOf(code) + "安委办";
        return SummaryTemplate.Prefill(campaign, who, totals);
    }

    private string OwnCode() =>
        IsProvince ? CampaignSummary.ProvinceCode : actor.Scope?.CityCode ?? throw Refusal.Forbidden("FORBIDDEN");

    private async Task<Campaign> Campaign(Guid id, CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
}
