using CertGuard.Core.Certificates;
using CertGuard.Data.Protection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertGuard.Data.Database;

public static class DataServices
{
    /// <summary>What every host of the platform needs: the database, the clock and the certificate rules.</summary>
    public static IServiceCollection AddCertGuardData(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Periods and windows are reference data the province office sets (section CertificateRules).
        services.TryAddSingleton(configuration.GetSection("CertificateRules").Get<CertificateRules>() ?? CertificateRules.Order30);
        services.AddCertGuardDatabase(configuration);
        services.AddScoped<Demo.DemoSeeder>();
        services.AddScoped<Credentials.KeyRing>();
        services.AddScoped<Credentials.CredentialIssuer>();
        services.AddScoped<Registry.Import.CertificateImporter>();
        services.AddScoped<Registry.Export.CertificateExporter>();
        services.AddExternalKeys(configuration);
        services.AddOptions<Audit.AuditCheckpointOptions>().BindConfiguration(Audit.AuditCheckpointOptions.Section).ValidateOnStart();
        services.AddScoped<Audit.AuditCheckpoints>();
        return services;
    }
}
