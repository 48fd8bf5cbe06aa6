using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Home;

/// <summary>The home page and the error page, open to everyone.</summary>
public sealed class HomeModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public static void MapEndpoints(RouteGroupBuilder api)
    {
    }

    public static void ConfigurePages(PageConventionCollection pages) => pages
        .AllowAnonymousToPage("/Home/Index")
        .AllowAnonymousToPage("/Error")
        .AllowAnonymousToPage("/StatusPage");
}
