using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Infrastructure.Modules;

/// <summary>The features a host added, in the order it added them.</summary>
public sealed class FeatureCatalog
{
    private readonly List<FeatureRegistration> _features = [];

    public IReadOnlyList<FeatureRegistration> Features => _features;

    /// <summary>Every navigation entry of every feature, in menu order.</summary>
    public IReadOnlyList<NavEntry> Navigation => _features.SelectMany(f => f.Navigation).OrderBy(e => e.Order).ToList();

    internal bool Add(FeatureRegistration feature)
    {
        if (_features.Any(f => f.Module == feature.Module)) return false;
        _features.Add(feature);
        return true;
    }
}

/// <summary>What the host keeps of a module to map it after the application is built.</summary>
public sealed record FeatureRegistration(
    Type Module, Action<RouteGroupBuilder> MapEndpoints, Action<IEndpointRouteBuilder> MapRoutes, IReadOnlyList<NavEntry> Navigation);

public static class FeatureModules
{
    /// <summary>The prefix of every API endpoint.</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>Adds a feature: its services now, its pages' conventions with Razor Pages, its endpoints at <see cref="MapFeatures"/>.</summary>
    public static WebApplicationBuilder AddFeature<TModule>(this WebApplicationBuilder builder) where TModule : IFeatureModule
    {
        var catalog = CatalogOf(builder.Services);
        if (!catalog.Add(new FeatureRegistration(typeof(TModule), TModule.MapEndpoints, TModule.MapRoutes, TModule.Navigation.ToList())))
            return builder;
        TModule.AddServices(builder.Services, builder.Configuration);
        builder.Services.Configure<RazorPagesOptions>(o => TModule.ConfigurePages(o.Conventions));
        return builder;
    }

    /// <summary>Maps the API endpoints of every added feature under <see cref="ApiPrefix"/>, and their other routes.</summary>
    public static WebApplication MapFeatures(this WebApplication app)
    {
        var api = app.MapGroup(ApiPrefix);
        foreach (var feature in app.Services.GetRequiredService<FeatureCatalog>().Features)
        {
            feature.MapEndpoints(api);
            feature.MapRoutes(app);
        }
        return app;
    }

    private static FeatureCatalog CatalogOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(FeatureCatalog))?.ImplementationInstance is FeatureCatalog catalog)
            return catalog;
        catalog = new FeatureCatalog();
        services.AddSingleton(catalog);
        services.AddScoped<NavigationMenu>();
        return catalog;
    }
}
