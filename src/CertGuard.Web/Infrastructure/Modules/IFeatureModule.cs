using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Infrastructure.Modules;

/// <summary>
/// A feature declares itself in one place: its services and options, its API endpoints, its pages' authorization
/// and its entries in the main navigation. <c>Program.cs</c> adds it with one line,
/// <c>builder.AddFeature&lt;TheModule&gt;()</c>; <c>app.MapFeatures()</c> maps every added feature. Anything not declared
/// public here is private: the fallback policy asks for a signed-in account (see docs/architecture.md).
/// </summary>
public interface IFeatureModule
{
    /// <summary>The feature's services, authorization policies and options (bound and validated at start).</summary>
    static abstract void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>The feature's API endpoints, on the <c>/api/v1</c> group.</summary>
    static abstract void MapEndpoints(RouteGroupBuilder api);

    /// <summary>Endpoints outside the API (e.g. <c>/.well-known/…</c>), on the application's root.</summary>
    static virtual void MapRoutes(IEndpointRouteBuilder app)
    {
    }

    /// <summary>
    /// The authorization of the feature's pages (<c>AuthorizeFolder</c>, <c>AllowAnonymousToPage</c>), for pages without
    /// an <c>[Authorize]</c> or <c>[AllowAnonymous]</c> attribute of their own.
    /// </summary>
    static virtual void ConfigurePages(PageConventionCollection pages)
    {
    }

    /// <summary>The feature's entries in the main navigation, shown to whom their policy admits.</summary>
    static virtual IEnumerable<NavEntry> Navigation => [];
}
