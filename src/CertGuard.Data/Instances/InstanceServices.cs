using CertGuard.Data.Database;
using CertGuard.Data.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Instances;

public static class InstanceServices
{
    /// <summary>Job leases (advisory locks on PostgreSQL, in-process on SQLite) and the run records.</summary>
    public static IServiceCollection AddInstances(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddSettings<InstanceOptions>(InstanceOptions.Section);
        if (provider == DatabaseProvider.Postgres) services.AddSingleton<IJobLeases, PostgresJobLeases>();
        else services.AddSingleton<IJobLeases, InProcessJobLeases>();
        services.AddSingleton<ScheduledRuns>();
        return services;
    }
}
