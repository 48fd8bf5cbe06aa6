using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Registry.Export;
using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Registry;

/// <summary>The certificate registry: search, a certificate and its history, print, export.</summary>
public sealed class RegistryModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddRegistry();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapRegistryApi().MapExportApi();

    public static void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Registry", AccountServices.RegistryPolicy);

    public static IEnumerable<NavEntry> Navigation => [new("/registry", AccountServices.RegistryPolicy, "Nav.Registry", 30, "registry")];
}
