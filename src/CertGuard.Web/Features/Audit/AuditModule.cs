using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Audit;

/// <summary>The audit log: read by auditors and the province office, checked for breaks in its chain.</summary>
public sealed class AuditModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddAudit();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapAuditApi();

    public static void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Audit", AccountServices.AuditPolicy);

    public static IEnumerable<NavEntry> Navigation => [new("/audit", AccountServices.AuditPolicy, "Nav.Audit", 130, "audit")];
}
