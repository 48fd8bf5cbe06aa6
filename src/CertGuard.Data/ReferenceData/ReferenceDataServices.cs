using CertGuard.Core.Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.ReferenceData;

public static class ReferenceDataServices
{
    /// <summary>
    /// The dated reference data for every host (web, CLI): the versions, and <see cref="CertificateRules"/> as the
    /// rules in force today for the code that asks for "the rules" (a date-specific rule asks the provider).
    /// </summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceDataProvider>();
        services.AddScoped<ReferenceDataBook>();
        services.AddTransient(sp => sp.GetRequiredService<ReferenceDataProvider>().Today.Rules);
        return services;
    }
}
