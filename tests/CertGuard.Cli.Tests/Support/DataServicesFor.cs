using CertGuard.Data.Accounts;
using CertGuard.Data.Database;
using CertGuard.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Cli.Tests.Support;

/// <summary>The data layer on a test database, acting as the platform: to arrange and inspect what the CLI did.</summary>
public static class DataServicesFor
{
    public static ServiceProvider Build(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IActor>(SystemActor.Platform);
        services.AddCertGuardData(configuration);
        return services.BuildServiceProvider();
    }
}
