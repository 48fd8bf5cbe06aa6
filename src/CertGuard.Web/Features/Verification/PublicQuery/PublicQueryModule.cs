using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>The official public query (no account) and the holder's view of who checked the certificate.</summary>
public sealed class PublicQueryModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddPublicQuery(configuration);

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapPublicQueryApi().MapBareQuery();

    public static void ConfigurePages(PageConventionCollection pages) => pages
        .AllowAnonymousToPage("/Verification/PublicQuery/Query")
        .AllowAnonymousToPage("/Verification/PublicQuery/Checks");

    public static IEnumerable<NavEntry> Navigation => [new("/query", null, "PublicQuery.Nav", 10, "query")];
}
