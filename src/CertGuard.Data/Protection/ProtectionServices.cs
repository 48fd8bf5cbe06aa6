using CertGuard.Data.Audit;
using CertGuard.Data.Database;
using CertGuard.Data.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Protection;

public static class ProtectionServices
{
    /// <summary>
    /// The external key, the Data Protection key ring in the database encrypted with it, and the audit chain's keys.
    /// </summary>
    public static IServiceCollection AddExternalKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ExternalKeyOptions>(ExternalKeyOptions.Section);
        services.AddSingleton(sp => ExternalKeyLoader.Load(
            sp.GetRequiredService<IOptions<ExternalKeyOptions>>().Value,
            sp.GetRequiredService<DatabaseOptions>(),
            MayGenerateKey(sp.GetService<IHostEnvironment>(), configuration),
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(ExternalKeyLoader)) ?? NullLogger.Instance));
        services.AddSingleton(sp => new AuditSeal(sp.GetRequiredService<ExternalKeys>()));
        // Data Protection keys live in the database, so every instance (and the CLI) can read what another protected;
        // each is encrypted with the external key first, so the database alone opens none of them.
        services.AddDataProtection().SetApplicationName("CertGuard").PersistKeysToDbContext<CertGuardDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<ExternalKeys>((o, keys) => o.XmlEncryptor = new KeyRingEncryptor(keys));
        return services;
    }

    /// <summary>
    /// Only a demo makes its own key: production (the Production environment, or no demo seeding) must be given one.
    /// Hosts without an environment (the CLI, tools) count as production.
    /// </summary>
    public static bool MayGenerateKey(IHostEnvironment? environment, IConfiguration configuration) =>
        environment is not null && !environment.IsProduction() && configuration.GetValue("Demo:SeedWhenEmpty", true);
}
