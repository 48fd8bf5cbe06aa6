using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Workbench;

/// <summary>
/// The workbench (工作台): the landing page of every signed-in account, with the to-dos and charts of the modules its
/// role may use. Modules add their own through <see cref="IWorkbenchItems"/> and <see cref="IWorkbenchCharts"/>; the
/// providers here cover the registry, reminders, imports, signals, employers, institutions and the audit log.
/// </summary>
public sealed class WorkbenchModule : IFeatureModule
{
    public const string Policy = "workbench";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser());
        services.AddScoped<IWorkbenchItems, ReviewWorkItems>();
        services.AddScoped<IWorkbenchItems, ImportWorkItems>();
        services.AddScoped<IWorkbenchItems, SignalWorkItems>();
        services.AddScoped<IWorkbenchItems, EmployerOfficeWorkItems>();
        services.AddScoped<IWorkbenchItems, EmployerSelfWorkItems>();
        services.AddScoped<IWorkbenchItems, InstitutionSelfWorkItems>();
        services.AddScoped<IWorkbenchItems, AuditWorkItems>();
        services.AddScoped<IWorkbenchCharts, EmployerRateChart>();
        services.AddScoped<IWorkbenchCharts, OfficeRateCharts>();
        services.AddScoped<IWorkbenchCharts, SignalWeeksChart>();
        services.AddScoped<IWorkbenchCharts, RegistryYearsChart>();
        services.AddScoped<IWorkbenchCharts, AuditDaysChart>();
    }

    public static void MapEndpoints(RouteGroupBuilder api)
    {
    }

    public static IEnumerable<NavEntry> Navigation => [new(Landing.Path, Policy, "Workbench.Nav", 5, "workbench")];
}
