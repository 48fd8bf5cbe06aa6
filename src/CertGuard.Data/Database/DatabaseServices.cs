using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CertGuard.Data.Settings;

namespace CertGuard.Data.Database;

public static class DatabaseServices
{
    /// <summary>Registers <see cref="CertGuardDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddCertGuardDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound like every section (and validated at start), but also read here: the provider decides what is registered.
        services.AddSettings<DatabaseOptions>(DatabaseOptions.Section);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = options.EffectiveConnectionString;
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<CertGuardDbContext, PostgresCertGuardDbContext>(o => o.UseNpgsql(connection));
        else
            services.AddDbContext<CertGuardDbContext, SqliteCertGuardDbContext>(o => o.UseSqlite(PrepareSqlite(connection)));
        return services;
    }

    /// <summary>Creates the folder of the database file, so a fresh clone starts without set-up.</summary>
    private static string PrepareSqlite(string connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
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
