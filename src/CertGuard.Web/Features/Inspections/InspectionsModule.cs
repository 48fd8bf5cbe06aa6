using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Inspections;

/// <summary>Inspections of employers and training/exam institutions (执法检查), and the orders to correct they issue.</summary>
public sealed class InspectionsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, InspectionWorkItems>();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, OrderWorkItems>();
        services.AddInspectionPolicies();
        services.AddScoped<InspectionDesk>();
        services.AddScoped<InspectionQueries>();
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapInspectionApi();

    public static void MapRoutes(IEndpointRouteBuilder app) => app.MapFindingLink();

    public static IEnumerable<NavEntry> Navigation =>
    [
        new("/inspections", InspectionAccess.ReadPolicy, "Insp.Nav", 63, "inspections"),
        new("/orders", InspectionAccess.OrdersPolicy, "Insp.Orders.Nav", 103, "orders"),
    ];
}
