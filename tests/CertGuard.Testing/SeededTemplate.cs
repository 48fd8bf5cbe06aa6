using System.Collections.Concurrent;
using System.Globalization;
using CertGuard.Core.Time;
using CertGuard.Data.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CertGuard.Testing;

/// <summary>
/// A database migrated and seeded with the demo province once per test process, which test classes copy instead of
/// migrating and seeding their own (most of a class's start: the migrations of a large model, password hashes, every
/// city's signing key, the certificates and the campaign). The copy is byte for byte what the seeding start wrote, so
/// the copy's own start finds an up-to-date, seeded database and only starts the platform; the credentials file the
/// seeding printed is copied beside it (<see cref="CredentialsFile"/>).
/// <para>
/// One template per provider, number of demo certificates and China-time day: the demo's dates are relative to the
/// clock, so a run that crosses midnight in China seeds a new template rather than hand out yesterday's demo.
/// Templates live as long as the test process: the SQLite file in a temporary folder, the PostgreSQL database under a
/// name of its own (never reused by another run, so a template built by older code is never copied) dropped at exit.
/// </para>
/// </summary>
internal sealed class SeededTemplate
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<SeededTemplate>>> Templates = new();
    private static readonly ConcurrentBag<SeededTemplate> Built = [];
    private static int _exitHooked;

    private readonly DatabaseProvider _provider;
    private readonly string _folder;
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private SeededTemplate(DatabaseProvider provider, string folder, string? sqliteFile, string? postgresName)
    {
        _provider = provider;
        _folder = folder;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    /// <summary>
    /// <c>CERTGUARD_TEST_TEMPLATES=0</c> makes every class seed its own database again: to compare the times, or to
    /// rule the templates out when a test misbehaves.
    /// </summary>
    public static bool Enabled => Environment.GetEnvironmentVariable("CERTGUARD_TEST_TEMPLATES") != "0";

    /// <summary>The credentials file the template's seeding wrote (account passwords, API keys, sample certificates).</summary>
    public string CredentialsFile => Path.Combine(_folder, "demo-credentials.txt");

    /// <summary>The template for this provider and number of certificates, built by the first caller (the others wait for it).</summary>
    public static Task<SeededTemplate> GetAsync(DatabaseProvider provider, int certificates)
    {
        var day = ChinaTime.Today(TimeProvider.System).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var key = $"{provider}/{certificates}/{day}";
        var lazy = Templates.GetOrAdd(key, _ => new Lazy<Task<SeededTemplate>>(() => BuildAsync(provider, certificates)));
        return AwaitOrForgetAsync(key, lazy);
    }

    /// <summary>A failed build is not kept: the next class tries again (and reports its own failure).</summary>
    private static async Task<SeededTemplate> AwaitOrForgetAsync(string key, Lazy<Task<SeededTemplate>> lazy)
    {
        try
        {
            return await lazy.Value;
        }
        catch
        {
            Templates.TryRemove(new KeyValuePair<string, Lazy<Task<SeededTemplate>>>(key, lazy));
            throw;
        }
    }

    /// <summary>A new database for one test class, a copy of this template.</summary>
    public async Task<TestDatabase> CopyAsync() => _provider switch
    {
        DatabaseProvider.Sqlite => SqliteTestDatabase.CopyOf(_sqliteFile!),
        DatabaseProvider.Postgres => await PostgresTestDatabase.CreateAsync(template: _postgresName),
        _ => throw new ArgumentOutOfRangeException(nameof(_provider)),
    };

    private static async Task<SeededTemplate> BuildAsync(DatabaseProvider provider, int certificates)
    {
        HookExit();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var template = await SeedAsync(provider, certificates);
        StartTimings.Record($"template {provider} {certificates}", started);
        return template;
    }

    private static async Task<SeededTemplate> SeedAsync(DatabaseProvider provider, int certificates)
    {
        var folder = Directory.CreateTempSubdirectory("certguard-template-").FullName;
        if (provider == DatabaseProvider.Postgres) await PostgresTestDatabase.DropStaleTemplatesAsync();
        TestDatabase database = provider == DatabaseProvider.Postgres
            ? await PostgresTestDatabase.CreateAsync(name: PostgresTestDatabase.NewTemplateName(certificates))
            : new SqliteTestDatabase();
        try
        {
            // The seeding start, exactly as CertGuardApp's base configuration runs it, then stopped: nothing else
            // writes into the template afterwards.
            await using (var host = new SeedingHost(database, certificates, folder)) host.StartServer();

            if (database is SqliteTestDatabase sqlite)
            {
                // One self-contained file (whatever was still in the WAL included) that a plain file copy duplicates.
                var file = Path.Combine(folder, "template.db");
                SqliteConnection.ClearAllPools();
                await using (var connection = new SqliteConnection(sqlite.ConnectionString))
                {
                    await connection.OpenAsync();
                    await using var vacuum = connection.CreateCommand();
                    vacuum.CommandText = "VACUUM INTO $file";
                    vacuum.Parameters.AddWithValue("$file", file);
                    await vacuum.ExecuteNonQueryAsync();
                }
                await database.DisposeAsync();
                return Keep(new SeededTemplate(provider, folder, file, null));
            }
            // PostgreSQL copies a template only while nobody is connected to it (the tests' connections are unpooled).
            NpgsqlConnection.ClearAllPools();
            return Keep(new SeededTemplate(provider, folder, null, ((PostgresTestDatabase)database).Name));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static SeededTemplate Keep(SeededTemplate template)
    {
        Built.Add(template);
        return template;
    }

    private static void HookExit()
    {
        if (Interlocked.Exchange(ref _exitHooked, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var template in Built)
            {
                try
                {
                    // The folder first: the test host may be stopped before a slow DROP DATABASE returns.
                    Directory.Delete(template._folder, recursive: true);
                    if (template._postgresName is { } name) PostgresTestDatabase.Drop(name);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException or InvalidOperationException)
                {
                    // Best effort at exit: test.sh's throwaway cluster goes anyway, and a later run drops stale templates.
                }
            }
        };
    }

    /// <summary>
    /// The platform with CertGuardApp's base settings on the template database, started once to migrate and seed it.
    /// The background jobs are left out: they would write into the template after the seeding (each copy runs its
    /// own on its own start, as a freshly seeded class did).
    /// </summary>
    private sealed class SeedingHost(TestDatabase database, int certificates, string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            CertGuardApp.ConfigureBase(builder, database, certificates, folder);
            builder.ConfigureServices(services =>
            {
                foreach (var job in services.Where(IsPlatformJob).ToList()) services.Remove(job);
            });
        }

        private static bool IsPlatformJob(ServiceDescriptor d) =>
            d.ServiceType == typeof(IHostedService)
            && (d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.DeclaringType)?
                .FullName?.StartsWith("CertGuard.", StringComparison.Ordinal) == true;
    }
}
