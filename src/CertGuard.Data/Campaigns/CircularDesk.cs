using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns;

/// <summary>What the province office asks a draft circular to cover.</summary>
public sealed record CircularRequestInput(DateOnly From, DateOnly To, string RankBy, string? GoodPractice, string? TypicalCases);

/// <summary>
/// Circulars (通报): the province office drafts one for a period from the statistics calculator's figures of that window
/// (cities ranked by an indicator) and the monthly reports of the period's months (late ones and returned ones named),
/// edits it and publishes it. Cities read the published ones only; the public page those published to it.
/// </summary>
public sealed class CircularDesk(CertGuardDbContext db, IActor actor, TimeProvider clock, StatisticsCalculator calculator)
{
    private bool IsProvince => actor.Scope is null || actor.Role == Role.ProvinceOffice;

    public async Task<IReadOnlyList<Circular>> ListAsync(Guid campaignId, CancellationToken ct)
    {
        var query = db.Circulars.AsNoTracking().Where(c => c.CampaignId == campaignId);
        if (!IsProvince) query = query.Where(c => c.Published);
        return await query.OrderByDescending(c => c.PeriodFrom).ThenByDescending(c => c.DraftedAt).ToListAsync(ct);
    }

    /// <summary>The circulars published to the public page, newest first.</summary>
    public async Task<IReadOnlyList<Circular>> PublicAsync(CancellationToken ct) =>
        await db.Circulars.AsNoTracking().Where(c => c.Published && c.OnPublicPage).OrderByDescending(c => c.PublishedAt).Take(50).ToListAsync(ct);

    public async Task<Circular> GetAsync(Guid id, CancellationToken ct)
    {
        var circular = await db.Circulars.FirstOrDefaultAsync(c => c.Id == id, ct);
        // A draft is the province office's own work: to anyone else it does not exist yet.
        if (circular is null || (!circular.Published && !IsProvince))
            throw Refusal.NotFound("CIRCULAR-NOT-FOUND");
        return circular;
    }

    public async Task<Circular> DraftAsync(Guid campaignId, CircularRequestInput input, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        if (input.To < input.From) throw Refusal.Invalid("CAMPAIGN-DATES");
        var template = await InputAsync(campaign, input, ct);
        var circular = new Circular(campaign.Id, input.From, input.To, CircularTemplate.Title(template), "", CircularTemplate.Body(template), actor.Name, clock.GetUtcNow());
        db.Circulars.Add(circular);
        await db.SaveChangesAsync(ct);
        return circular;
    }

    public async Task<Circular> EditAsync(Guid id, string title, string number, string body, int version, CancellationToken ct)
    {
        var circular = await GetAsync(id, ct);
        CampaignDesk.Stale(circular.Version, version);
        circular.Edit(title ?? "", number ?? "", body ?? "");
        await db.SaveChangesAsync(ct);
        return circular;
    }

    public async Task<Circular> PublishAsync(Guid id, bool onPublicPage, int version, CancellationToken ct)
    {
        var circular = await GetAsync(id, ct);
        CampaignDesk.Stale(circular.Version, version);
        circular.Publish(onPublicPage, actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return circular;
    }

    /// <summary>The template's input: the calculator over [From, To] (China days) and the months' reports.</summary>
    public async Task<CircularInput> InputAsync(Campaign campaign, CircularRequestInput input, CancellationToken ct)
    {
        if (StatisticsIndicators.Find(input.RankBy) is null) throw Refusal.Invalid("CIRCULAR-INDICATOR", ("code", input.RankBy));
        var window = new IndicatorWindow(ChinaTime.StartOfDay(input.From), ChinaTime.StartOfDay(input.To.AddDays(1)));
        var figures = await calculator.ComputeAsync(window, ct);
        var firstMonth = new DateOnly(input.From.Year, input.From.Month, 1);
        var lastMonth = new DateOnly(input.To.Year, input.To.Month, 1);
        var now = clock.GetUtcNow();
        var reports = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.CampaignId == campaign.Id && r.Month >= firstMonth && r.Month <= lastMonth).ToListAsync(ct);
        // Late: flagged so, or still unsubmitted after the 25th (the statistics job may not have flagged it yet).
        var late = reports.Where(r => r.Late || (r.SubmittedAt is null && now >= r.DueBy)).Select(r => r.CityCode);
        var returned = reports.Where(r => r.State == MonthlyReportState.Returned).Select(r => r.CityCode);
        var typical = string.IsNullOrWhiteSpace(input.TypicalCases) ? await PublishedTypicalCasesAsync(window, ct) : input.TypicalCases;
        return new CircularInput(campaign, input.From, input.To, figures, input.RankBy, InOrder(late), InOrder(returned), input.GoodPractice, typical);
    }

    // The typical cases the province published in the period (already cleared of personal data), one line each.
    private async Task<string?> PublishedTypicalCasesAsync(IndicatorWindow window, CancellationToken ct)
    {
        var published = await db.TypicalCases.AsNoTracking()
            .Where(t => t.State == Core.Enforcement.TypicalCases.TypicalCaseState.Published && t.PublishedAt >= window.From && t.PublishedAt < window.To)
            .Select(t => new { t.RegionCode, t.Title, t.Penalty, t.PublishedAt }).ToListAsync(ct);
        return published.Count == 0 ? null : string.Join('\n', published.OrderBy(t => t.PublishedAt).Select((t, i) =>
            $"{i + 1}. {Core.Regions.RegionDirectory.Guangdong.NameOf(t.RegionCode)}：{t.Title}（{t.Penalty}）"));
    }

    private static List<string> InOrder(IEnumerable<string> cities)
    {
        var set = cities.ToHashSet(StringComparer.Ordinal);
        return Core.Regions.RegionDirectory.Guangdong.Cities.Select(c => c.Code).Where(set.Contains).ToList();
    }
}
