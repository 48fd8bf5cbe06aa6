using CertGuard.Data.Campaigns;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Campaigns;

/// <summary>
/// The campaign itself (专项治理行动): phases and each department's tasks, the working group, the cities' implementation
/// plans, supervision groups and their findings, circulars and closing summaries. The monthly reports, the statistics
/// sheet and the dashboard are their own modules.
/// </summary>
public sealed class CampaignsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCampaignPolicies();
        services.AddScoped<CampaignDesk>();
        services.AddScoped<PlanDesk>();
        services.AddScoped<SupervisionVisitDesk>();
        services.AddScoped<CircularDesk>();
        services.AddScoped<SummaryDesk>();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, CampaignCityWorkItems>();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, CampaignProvinceWorkItems>();
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapCampaignApi();

    public static IEnumerable<NavEntry> Navigation =>
    [
        new("/campaigns", CampaignAccess.OfficePolicy, "Campaigns.Nav", 140, "campaigns"),
    ];
}
