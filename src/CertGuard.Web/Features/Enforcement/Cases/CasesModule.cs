using CertGuard.Data.Enforcement.Cases;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Registry.Lifecycle;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>
/// Administrative cases (行政案件): the city's desk (/cases), each case's page, its printable documents, and the
/// issuing authority's revocation requests (/revocation-requests).
/// </summary>
public sealed class CasesModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, CaseWorkItems>();
        services.AddScoped<CaseDesk>();
        services.AddScoped<CaseService>();
        services.AddScoped<RevocationDesk>();
        services.AddAuthorizationBuilder()
            .AddPolicy(CaseAccess.Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => CaseAccess.MayRead(c.User.ToScope())))
            .AddPolicy(RevocationDesk.Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => LifecycleOfficer.MayAct(c.User)));
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapCasesApi();

    public static IEnumerable<NavEntry> Navigation =>
    [
        new("/cases", CaseAccess.Policy, "Cases.Nav", 64, "cases"),
        new("/revocation-requests", RevocationDesk.Policy, "Cases.RevocationNav", 65, "revocation-requests"),
    ];
}
