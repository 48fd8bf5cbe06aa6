using CertGuard.Data.Campaigns.Dashboard;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Workbench;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Dashboard;

/// <summary>
/// The campaign dashboard (专项行动数据看板, issue 15 item 5): a map of the 21 cities shaded by an indicator, monthly
/// trends, the city ranking and the "five of each" results, each chart with its table and CSV; the province office
/// sees every city, a city office its own. The figures come from the statistics calculator.
/// </summary>
public sealed class DashboardModule : IFeatureModule
{
    /// <summary>The province office and the city offices (the safety committee offices).</summary>
    public const string Policy = "campaign-dashboard";

    public const string Path = "/dashboard";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.ToScope().IsSafetyOffice));
        services.AddScoped<DashboardQuery>();
        services.AddScoped<IWorkbenchCharts, DashboardWorkbenchChart>();
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapDashboardApi();

    public static IEnumerable<NavEntry> Navigation => [new(Path, Policy, "Dashboard.Nav", 142, "dashboard")];
}
