using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Campaigns.Sources;

/// <summary>
/// The statistics table's sources over the records of the modules in this assembly (codes 1–33 but 33, whose records
/// the platform does not keep), registered in one place; the calculator refuses to start if two claim one code.
/// </summary>
public static class StatisticsSources
{
    public static IServiceCollection AddStatisticsSources(this IServiceCollection services)
    {
        services.AddScoped<IIndicatorSource, EmployerIndicators>();
        services.AddScoped<IIndicatorSource, InspectionIndicators>();
        services.AddScoped<IIndicatorSource, CaseIndicators>();
        services.AddScoped<IIndicatorSource, RegistryIndicators>();
        services.AddScoped<IIndicatorSource, WebWatchIndicators>();
        return services;
    }
}
