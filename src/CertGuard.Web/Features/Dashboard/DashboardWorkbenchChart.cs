using CertGuard.Core.Accounts;
using CertGuard.Data.Campaigns.Dashboard;
using CertGuard.Web.Features.Workbench;

namespace CertGuard.Web.Features.Dashboard;

/// <summary>The current campaign's "five of each" results on the offices' workbench, linking to the dashboard.</summary>
public sealed class DashboardWorkbenchChart(DashboardQuery query) : IWorkbenchCharts
{
    public string? Policy => DashboardModule.Policy;

    public async Task<IReadOnlyList<WorkbenchChart>> ChartsAsync(AccessScope scope, CancellationToken ct)
    {
        if ((await query.CampaignsAsync(ct)).All(c => c.Id != DashboardQuery.DefaultCampaignId)) return [];
        var dashboard = await query.BuildAsync(DashboardQuery.DefaultCampaignId, DashboardIndicators.Choices[0], ct);
        return
        [
            new("campaign-results", "Dashboard.Results", "bar", dashboard.FiveOfEach.Select(r => $"Dashboard.Result.{r.Code}").ToList(),
                [new("Dashboard.Series.Count", dashboard.FiveOfEach.Select(r => r.Value).ToList())])
            {
                LocalisedCategories = true, Link = DashboardModule.Path, LinkKey = "Dashboard.Open",
            },
        ];
    }
}
