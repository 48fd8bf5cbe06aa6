using System.Text.Json;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Workbench;

/// <summary>
/// The workbench: every to-do and chart the viewer's role may see, asked of the modules' providers whose policy
/// admits the viewer. The charts go to the page as JSON (drawn by /workbench/charts.js) and as tables.
/// </summary>
[Authorize(Policy = WorkbenchModule.Policy)]
public sealed class IndexModel(
    IEnumerable<IWorkbenchItems> itemProviders, IEnumerable<IWorkbenchCharts> chartProviders, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<WorkbenchItem> Items { get; private set; } = [];

    public IReadOnlyList<WorkbenchChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = User.ToScope();
        var items = new List<WorkbenchItem>();
        foreach (var provider in itemProviders)
            if (await AdmitsAsync(provider.Policy)) items.AddRange(await provider.ItemsAsync(scope, ct));
        var charts = new List<WorkbenchChart>();
        foreach (var provider in chartProviders)
            if (await AdmitsAsync(provider.Policy)) charts.AddRange(await provider.ChartsAsync(scope, ct));
        // What is late first, then what waits; nothing waiting last.
        Items = items.OrderByDescending(i => i.Count > 0).ThenByDescending(i => i.Urgent && i.Count > 0).ToList();
        Charts = charts.OrderByDescending(c => c.HasData).ToList();
    }

    private async Task<bool> AdmitsAsync(string? policy) => policy is null || (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    public string Category(WorkbenchChart chart, string category) => chart.LocalisedCategories ? localizer[category] : category;

    public string SeriesName(WorkbenchSeries series) => series.Literal ? series.NameKey : localizer[series.NameKey];

    /// <summary>The chart as ECharts needs it, localised.</summary>
    public string Json(WorkbenchChart chart) => JsonSerializer.Serialize(new
    {
        kind = chart.Kind,
        unit = chart.Unit,
        stacked = chart.Stacked,
        categories = chart.Categories.Select(c => Category(chart, c)),
        series = chart.Series.Select(s => new { name = SeriesName(s), values = s.Values }),
    });
}
