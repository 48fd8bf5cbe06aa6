using CertGuard.Data.Protection;
using CertGuard.Data.ReferenceData;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using CertGuard.Data.Settings;

namespace CertGuard.Data.Database;

public static class DataServices
{
    /// <summary>What every host of the platform needs: the database, the clock and the certificate rules.</summary>
    public static IServiceCollection AddCertGuardData(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Periods, windows, the catalogue and penalties are dated reference data (docs/reference-data.md).
        services.AddReferenceData();
        services.AddSettings<Credentials.CredentialOptions>(Credentials.CredentialOptions.Section);
        services.AddCertGuardDatabase(configuration);
        services.AddScoped<Demo.DemoSeeder>();
        services.AddScoped<Demo.CampaignYear>();
        services.AddScoped<Credentials.KeyRing>();
        services.AddScoped<Credentials.CredentialIssuer>();
        services.AddScoped<Registry.Import.CertificateImporter>();
        services.AddScoped<Registry.Export.CertificateExporter>();
        services.AddExternalKeys(configuration);
        services.AddSettings<Audit.AuditCheckpointOptions>(Audit.AuditCheckpointOptions.Section);
        services.AddScoped<Audit.AuditCheckpoints>();
        services.AddScoped<Campaigns.StatisticsCalculator>();
        // The statistics table's figures 1–32 from this assembly's records (the indicators wave).
        Campaigns.Sources.StatisticsSources.AddStatisticsSources(services);
        // Several instances on one database (issue 16): job leases and run records.
        Instances.InstanceServices.AddInstances(services, configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite);
        return services;
    }
}
