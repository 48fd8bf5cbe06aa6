using System.Globalization;
using CertGuard.Core;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns.Dashboard;

/// <summary>
/// Builds the dashboard from the statistics calculator: one window for the campaign so far (map, ranking, results)
/// and one per calendar month (trend). A city office's windows hold its city only, so the sources never count the
/// other cities for it: the scope is decided here, on the server.
/// </summary>
public sealed class DashboardQuery(CertGuardDbContext db, StatisticsCalculator calculator, IActor actor, TimeProvider clock)
{
    /// <summary>The campaign shown when none is chosen: the demo's current one.</summary>
    public static Guid DefaultCampaignId => CampaignsDemo.CurrentId;

    /// <summary>Every campaign, the newest first (the page's choice).</summary>
    public async Task<IReadOnlyList<Campaign>> CampaignsAsync(CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ToListAsync(ct);

    /// <summary>The city the actor is limited to (a city office's); null for the province office and the platform.</summary>
    public string? City => actor.Scope?.CityCode;

    /// <summary>The dashboard of a campaign for an indicator (see <see cref="DashboardIndicators.Find"/>) in the actor's scope.</summary>
    public async Task<CampaignDashboard> BuildAsync(Guid campaignId, DashboardIndicator indicator, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw Refusal.NotFound("DASHBOARD-CAMPAIGN-NOT-FOUND");
        var city = City;
        IReadOnlyCollection<string>? cities = city is null ? null : [city];

        var (from, to) = Span(campaign);
        var sofar = await calculator.ComputeAsync(new IndicatorWindow(from, to, cities), ct);
        var scopeFigures = StatisticsFigures.Sum(sofar.Values);
        var map = sofar.Select(c => Figure(c.Key, indicator.ValueIn(c.Value), null)).ToList();

        var trend = new List<MonthFigure>();
        foreach (var (month, start, end) in Months(campaign, from, to))
        {
            var figures = await calculator.ComputeAsync(new IndicatorWindow(start, end, cities), ct);
            trend.Add(new MonthFigure(month, start, end, indicator.ValueIn(StatisticsFigures.Sum(figures.Values))));
        }

        var results = DashboardIndicators.FiveOfEach
            .Select(code => StatisticsIndicators.Find(code)!)
            .Select(row => new ResultFigure(row.Code, row.Label, row.LabelEn, row.Unit, row.UnitEn, scopeFigures[row.Code]))
            .ToList();
        return new CampaignDashboard(campaign.Id, campaign.Name, campaign.DocumentNumber, indicator, city, from, to,
            indicator.ValueIn(scopeFigures), map, trend, Rank(map), results);
    }

    /// <summary>The campaign so far: from its first day to now, or to the end of its last day once over (China time).</summary>
    private (DateTimeOffset From, DateTimeOffset To) Span(Campaign campaign)
    {
        var from = ChinaTime.StartOfDay(campaign.StartsOn);
        var end = ChinaTime.StartOfDay(campaign.EndsOn.AddDays(1));
        var now = clock.GetUtcNow();
        return (from, now < from ? from : now < end ? now : end);
    }

    /// <summary>The calendar months the campaign has reached, each cut to the campaign's span.</summary>
    private static IEnumerable<(string Month, DateTimeOffset From, DateTimeOffset To)> Months(Campaign campaign, DateTimeOffset from, DateTimeOffset to)
    {
        for (var month = new DateOnly(campaign.StartsOn.Year, campaign.StartsOn.Month, 1); ChinaTime.StartOfDay(month) < to; month = month.AddMonths(1))
        {
            var start = ChinaTime.StartOfDay(month);
            var end = ChinaTime.StartOfDay(month.AddMonths(1));
            yield return (month.ToString("yyyy-MM", CultureInfo.InvariantCulture), start < from ? from : start, end > to ? to : end);
        }
    }

    /// <summary>Highest first, the cities without a value last; equal values share a place (1, 2, 2, 4).</summary>
    private static List<CityFigure> Rank(IReadOnlyList<CityFigure> map)
    {
        var ordered = map.Where(c => c.Value is not null).OrderByDescending(c => c.Value).ToList();
        var ranked = ordered.Select(c => c with { Rank = ordered.FindIndex(o => o.Value == c.Value) + 1 }).ToList();
        ranked.AddRange(map.Where(c => c.Value is null));
        return ranked;
    }

    private static CityFigure Figure(string code, decimal? value, int? rank)
    {
        var region = RegionDirectory.Guangdong.Find(code)!;
        return new CityFigure(code, region.Name, region.NameEn, value, rank);
    }
}
