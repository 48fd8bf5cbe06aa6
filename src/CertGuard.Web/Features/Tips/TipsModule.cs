using CertGuard.Data.Tips;
using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Tips;

/// <summary>Tips with rewards (有奖举报): the public form and follow-up by receipt, the office's queue, rewards, numbers.</summary>
public sealed class TipsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, TipWorkItems>();
        services.AddTips();
        services.AddSingleton<TipLookupLimit>();
        services.AddTipPolicies();
    }

    public static void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapPublicTipsApi();
        api.MapOfficeTipsApi();
    }

    public static void ConfigurePages(PageConventionCollection pages) => pages
        .AllowAnonymousToPage("/Tips/New")
        .AllowAnonymousToPage("/Tips/FollowUp");

    public static IEnumerable<NavEntry> Navigation =>
    [
        new("/tips/new", TipsAccess.PublicMenuPolicy, "Tips.Nav", 22, "tips"),
        new("/tips/office", TipsAccess.OfficePolicy, "Tips.OfficeNav", 61, "tips-office"),
    ];
}
