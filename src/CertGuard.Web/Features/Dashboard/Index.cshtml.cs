using System.Globalization;
using System.Text.Json;
using CertGuard.Core;
using CertGuard.Data.Campaigns.Dashboard;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using CampaignEntity = CertGuard.Core.Campaigns.Campaign;

namespace CertGuard.Web.Features.Dashboard;

/// <summary>
/// /dashboard: the chosen campaign's map, trend, ranking and "five of each" results for the viewer's scope, each chart
/// drawn by /dashboard/dashboard.js from JSON and shown as a table with its CSV (<c>?handler=csv&amp;table=map</c>).
/// </summary>
[Authorize(Policy = DashboardModule.Policy)]
public sealed class IndexModel(DashboardQuery query, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "campaign")]
    public Guid? CampaignId { get; set; }

    [BindProperty(SupportsGet = true, Name = "indicator")]
    public string? IndicatorId { get; set; }

    public IReadOnlyList<CampaignEntity> Campaigns { get; private set; } = [];

    public CampaignDashboard Dashboard { get; private set; } = null!;

    public IReadOnlyList<DashboardTable> Tables { get; private set; } = [];

    /// <summary>Why the request was refused (an unknown indicator), shown as the page's alert.</summary>
    public string? Error { get; private set; }

    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        if (table is null || !DashboardTable.Ids.Contains(table)) return NotFound();
        await LoadAsync(ct);
        if (Error is not null) return BadRequest();
        var chosen = Tables.Single(t => t.Id == table);
        return File(chosen.ToCsv(), "text/csv; charset=utf-8", $"dashboard-{chosen.Id}-{Dashboard.Indicator.Id}.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Campaigns = await query.CampaignsAsync(ct);
        var id = CampaignId
            ?? (Campaigns.Any(c => c.Id == DashboardQuery.DefaultCampaignId) ? DashboardQuery.DefaultCampaignId : Campaigns.Count > 0 ? Campaigns[0].Id : (Guid?)null)
            ?? throw Refusal.NotFound("DASHBOARD-CAMPAIGN-NOT-FOUND");
        // An unknown indicator answers 400 with its alert, over the default indicator's dashboard.
        var indicator = DashboardIndicators.Find(IndicatorId ?? DashboardIndicators.DefaultId);
        if (indicator is null)
        {
            Error = ProblemText.Of("DASHBOARD-INDICATOR", CultureInfo.CurrentUICulture);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Dashboard = await query.BuildAsync(id, indicator ?? DashboardIndicators.Choices[0], ct);
        CampaignId = Dashboard.CampaignId;
        IndicatorId = Dashboard.Indicator.Id;
        Tables = [MapTable(), TrendTable(), RankingTable(), ResultsTable()];
    }

    public string NoData => localizer["Dashboard.NoData"];

    public string Label(DashboardIndicator indicator) => English ? indicator.LabelEn : indicator.Label;

    public string Unit => English ? Dashboard.Indicator.UnitEn : Dashboard.Indicator.Unit;

    public string Value(decimal? value, string unit) =>
        value is null ? NoData : value.Value.ToString("0.##", CultureInfo.InvariantCulture) + (unit == "%" ? "%" : "");

    private string City(CityFigure city) => English ? city.NameEn : city.Name;

    private string ValueHeader => $"{Label(Dashboard.Indicator)}（{Unit}）";

    private DashboardTable MapTable() => new("map", localizer["Dashboard.Map"], [localizer["Dashboard.City"], ValueHeader],
        Dashboard.Map.Select(c => (IReadOnlyList<string>)[City(c), Value(c.Value, Dashboard.Indicator.Unit)]).ToList(),
        Json(new
        {
            kind = "map", unit = Dashboard.Indicator.Unit, noData = NoData, name = Label(Dashboard.Indicator),
            geo = Url.Content("~/lib/geo/guangdong.json"),
            items = Dashboard.Map.Select(c => new { code = c.Code, name = City(c), value = c.Value }),
        }));

    private DashboardTable TrendTable() => new("trend", localizer["Dashboard.Trend"], [localizer["Dashboard.Month"], ValueHeader],
        Dashboard.Trend.Select(m => (IReadOnlyList<string>)[m.Month, Value(m.Value, Dashboard.Indicator.Unit)]).ToList(),
        Json(new
        {
            kind = "line", unit = Dashboard.Indicator.Unit, noData = NoData, name = Label(Dashboard.Indicator),
            categories = Dashboard.Trend.Select(m => m.Month), values = Dashboard.Trend.Select(m => m.Value),
        }));

    private DashboardTable RankingTable() => new("ranking", localizer["Dashboard.Ranking"],
        [localizer["Dashboard.Rank"], localizer["Dashboard.City"], ValueHeader],
        Dashboard.Ranking.Select(c => (IReadOnlyList<string>)[c.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—", City(c), Value(c.Value, Dashboard.Indicator.Unit)]).ToList(),
        Json(new
        {
            kind = "ranking", unit = Dashboard.Indicator.Unit, noData = NoData, name = Label(Dashboard.Indicator),
            categories = Dashboard.Ranking.Select(City), values = Dashboard.Ranking.Select(c => c.Value),
        }));

    private DashboardTable ResultsTable() => new("results", localizer["Dashboard.Results"],
        [localizer["Dashboard.Result"], localizer["Dashboard.Value"], localizer["Dashboard.Unit"]],
        Dashboard.FiveOfEach.Select(r => (IReadOnlyList<string>)[localizer[$"Dashboard.Result.{r.Code}"], Value(r.Value, r.Unit), English ? r.UnitEn : r.Unit]).ToList(),
        Json(new
        {
            kind = "bar", unit = "", noData = NoData, name = (string)localizer["Dashboard.Series.Count"],
            categories = Dashboard.FiveOfEach.Select(r => (string)localizer[$"Dashboard.Result.{r.Code}"]), values = Dashboard.FiveOfEach.Select(r => r.Value),
        }));

    private static string Json(object data) => JsonSerializer.Serialize(data);
}
