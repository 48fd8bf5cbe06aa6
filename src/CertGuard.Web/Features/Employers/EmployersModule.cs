using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Employers;

/// <summary>Employers' self-inspection: registration, positions, roster checks, compliance rate, rectification.</summary>
public sealed class EmployersModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddEmployers(configuration);

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapEmployerApis();

    // Self-registration is open to anyone (limited per address); the page refuses signed-in accounts other than offices.
    public static void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/Employers/Register");

    // Rectification is also the offices' page, reached from their employers' list; the menu shows it to employers.
    public static IEnumerable<NavEntry> Navigation =>
    [
        new("/employers", EmployerAccess.OfficePolicy, "Employers.Nav", 70, "employers"),
        new("/roster", EmployerAccess.SelfPolicy, "Employers.Roster.Nav", 90, "roster"),
        new("/rectifications", EmployerAccess.SelfPolicy, "Employers.Rectify.Nav", 100, "rectifications"),
    ];
}
