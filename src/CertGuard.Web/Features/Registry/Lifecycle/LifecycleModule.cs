using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>The issuing authority's actions on certificates (issue, review, renew, revoke, cancel, reissue, replace).</summary>
public sealed class LifecycleModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddCertificateLifecycle();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapLifecycleApi();

    public static IEnumerable<NavEntry> Navigation => [new("/registry/issue", LifecycleOfficer.Policy, "Lifecycle.Nav", 40, "issue")];
}
