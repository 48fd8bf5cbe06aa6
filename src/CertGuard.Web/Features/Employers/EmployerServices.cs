using CertGuard.Data.Employers;
using CertGuard.Data.Settings;

namespace CertGuard.Web.Features.Employers;

/// <summary>Employers' self-inspection (用人单位自查自纠): accounts, positions, rosters, compliance, rectification, reminders.</summary>
public static class EmployerServices
{
    public static IServiceCollection AddEmployers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<EmployerOptions>(EmployerOptions.Section);
        services.AddEmployerPolicies();
        RegistrationLimit.AddTo(services);
        services.AddScoped<RosterChecker>();
        services.AddScoped<EmployerRegistrar>();
        services.AddScoped<PositionBook>();
        services.AddScoped<ComplianceQuery>();
        services.AddScoped<RectificationDesk>();
        services.AddScoped<RosterReminders>();
        return services;
    }

    public static RouteGroupBuilder MapEmployerApis(this RouteGroupBuilder api) =>
        api.MapRosterApi().MapPositionsApi().MapComplianceApi().MapRectificationApi().MapEmployersApi();
}
