using CertGuard.Data.Campaigns;
using CertGuard.Data.Database;
using CertGuard.Data.Enforcement.TypicalCases;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Enforcement.TypicalCases;

/// <summary>
/// Typical cases (典型案例): the desk where officers draft and offices approve (/typical-cases/desk), the public page
/// (/typical-cases) and its Atom feed (/typical-cases/feed.atom), the API, indicator 42.
/// </summary>
public sealed class TypicalCasesModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TypicalCaseDesk>();
        // The public page and feed read the published cases from the replica (ReadOnlyDb); the desk writes on the primary.
        services.AddReadOnly<TypicalCaseDesk>();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, TypicalCaseWorkItems>();
        services.AddScoped<IIndicatorSource, TypicalCaseIndicators>();
        services.AddAuthorizationBuilder()
            .AddPolicy(TypicalCaseAccess.Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => TypicalCaseAccess.MayRead(c.User.ToScope())));
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapTypicalCasesApi();

    public static void MapRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/typical-cases/feed.atom", TypicalCasesFeed.WriteAsync).AllowAnonymous().ExcludeFromDescription();

    public static void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/Enforcement/TypicalCases/Public");
}
