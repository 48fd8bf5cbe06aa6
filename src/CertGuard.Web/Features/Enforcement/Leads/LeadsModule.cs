using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>The city's lead inbox (线索池): signals, rosters, review checks, inspections, tips, websites and the police.</summary>
public sealed class LeadsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLeadDesk();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, LeadWorkItems>();
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapLeadsApi();

    public static IEnumerable<NavEntry> Navigation => [new("/leads", LeadDesk.ReadPolicy, "Leads.Nav", 62, "leads")];
}
