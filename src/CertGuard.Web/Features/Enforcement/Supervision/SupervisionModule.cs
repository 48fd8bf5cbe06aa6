using CertGuard.Data.Campaigns;
using CertGuard.Data.Enforcement.Supervision;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Enforcement.Supervision;

/// <summary>Supervised cases (挂牌督办): the list with days left and last reports (/supervision), each case's page, the API, indicator 41.</summary>
public sealed class SupervisionModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SupervisionDesk>();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, SupervisionWorkItems>();
        services.AddScoped<IIndicatorSource, SupervisionIndicators>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SupervisionAccess.Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => SupervisionAccess.MayRead(c.User.ToScope())));
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapSupervisionApi();

    public static IEnumerable<NavEntry> Navigation => [new("/supervision", SupervisionAccess.Policy, "Supervision.Nav", 68, "supervision")];
}
