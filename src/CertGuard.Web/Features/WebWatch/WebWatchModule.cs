using CertGuard.Data.WebWatch;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.WebWatch;

/// <summary>Web watch (网站监测): look-alikes, suspects and their evidence, referrals, re-checks, the public report form.</summary>
public sealed class WebWatchModule : IFeatureModule
{
    public const string ReadPolicy = "webwatch";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, WebWatchWorkItems>();
        services.AddWebWatchData();
        services.AddAuthorizationBuilder().AddPolicy(ReadPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => WebWatchDesk.MayRead(c.User.ToScope())));
        services.AddSingleton<RecheckJob>();
        services.AddHostedService(s => s.GetRequiredService<RecheckJob>());
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapWebWatchApi();

    public static void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/WebWatch/Report");

    public static IEnumerable<NavEntry> Navigation => [new("/webwatch", ReadPolicy, "WebWatch.Nav", 66, "webwatch")];

    /// <summary>The public report endpoint shares the public query's per-client limit.</summary>
    public const string PublicRateLimit = PublicQueryRateLimits.ClientPolicy;
}
