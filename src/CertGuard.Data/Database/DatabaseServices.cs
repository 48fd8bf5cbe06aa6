using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Database;

public static class DatabaseServices
{
    /// <summary>Registers <see cref="CertGuardDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddCertGuardDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = options.EffectiveConnectionString;
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<CertGuardDbContext, PostgresCertGuardDbContext>(o => o.UseNpgsql(connection));
        else
            services.AddDbContext<CertGuardDbContext, SqliteCertGuardDbContext>(o => o.UseSqlite(PrepareSqlite(connection, options.SqliteBusyTimeoutSeconds)));
        return services;
    }

    /// <summary>Creates the folder of the database file, so a fresh clone starts without set-up; sets the busy timeout.</summary>
    private static string PrepareSqlite(string connection, int busyTimeoutSeconds)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        if (!connection.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) builder.DefaultTimeout = busyTimeoutSeconds;
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }

    /// <summary>Applies the provider's migrations; the embedded database is created on first start.</summary>
    public static async Task MigrateAsync(this CertGuardDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets the public query read while an officer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
