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
            services.AddDbContext<CertGuardDbContext, SqliteCertGuardDbContext>(o => o.UseSqlite(PrepareSqlite(connection, options.SqliteBusyTimeoutSeconds)));
        // Reads that may lag: the replica (Database:ReadConnectionString) when configured, else the primary (ReadOnlyDb).
        ReadOnlyDb.Register(services, options, read => PrepareSqlite(read, options.SqliteBusyTimeoutSeconds));
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
            // Only the platform's own user enters the data folder.
            if (folder is not null && !OperatingSystem.IsWindows()) Directory.CreateDirectory(folder, OwnerOnlyFolder);
            else if (folder is not null) Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }

    /// <summary>How long one migration statement may run.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(2);

    /// <summary>Applies the provider's migrations; the embedded database is created on first start.</summary>
    public static async Task MigrateAsync(this CertGuardDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite()) CreateOwnerOnlyFile(db.Database.GetConnectionString());
        // A migration that builds an index over a large registry (10⁷ certificates) runs for minutes: the default
        // 30 s command timeout would stop the start half-way through it, every time.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(MigrationTimeout);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets the public query read while an officer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates the SQLite file empty with mode 0600 before SQLite opens it (SQLite would create it 0644, and gives its
    /// -wal and -shm files the mode of the database file); an existing file is narrowed to 0600.
    /// </summary>
    private static void CreateOwnerOnlyFile(string? connection)
    {
        if (OperatingSystem.IsWindows() || connection is null) return;
        var builder = new SqliteConnectionStringBuilder(connection);
        if (builder.DataSource is not { Length: > 0 } source || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory) return;
        var file = Path.GetFullPath(source);
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!, OwnerOnlyFolder);
            using var _ = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = ownerOnly });
        }
        else if (File.GetUnixFileMode(file) != ownerOnly)
        {
            File.SetUnixFileMode(file, ownerOnly);
        }
    }
}
