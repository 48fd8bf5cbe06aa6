using CertGuard.Data.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertGuard.Testing;

/// <summary>
/// A real, empty database for one test class: a temporary SQLite file, or a fresh database on the PostgreSQL
/// server named by <c>CERTGUARD_TEST_POSTGRES</c> (./test.sh starts one). Dropped afterwards.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Configuration keys that point the platform at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:ConnectionString"] = ConnectionString,
        ["Keys:MasterKeyFile"] = TestKeys.File,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(),
        DatabaseProvider.Postgres => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certguard-test-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private string File => Path.Combine(_folder, "certguard.db");

    public override string ConnectionString => $"Data Source={File};Pooling=False";

    /// <summary>A database that starts as a copy of a closed, self-contained SQLite file (a <see cref="SeededTemplate"/>).</summary>
    public static SqliteTestDatabase CopyOf(string template)
    {
        var database = new SqliteTestDatabase();
        System.IO.File.Copy(template, database.File);
        return database;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "CERTGUARD_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string Name => _name;

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ConnectionString;

    /// <summary>A new database: empty, or a copy of <paramref name="template"/> (a <see cref="SeededTemplate"/>'s).</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string? name = null, string? template = null)
    {
        var server = Server();
        name ??= "cg_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                break;
            }
            // 55006: someone is connected to the template (an autovacuum worker, or a pooled connection not yet
            // closed); PostgreSQL refuses the copy then, so wait a little and try again.
            catch (PostgresException e) when (template is not null && e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(250 * attempt);
            }
        }
        return new PostgresTestDatabase(server, name);
    }

    private static string Server() =>
        // A missing server is a failure, not a skip: CI must not pass without the PostgreSQL tests.
        Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set: run the suite with ./test.sh, which starts a throwaway PostgreSQL.");

    private const string TemplatePrefix = "cg_tpl_";

    /// <summary>A template's name: the time it was made (for <see cref="DropStaleTemplatesAsync"/>), then unique.</summary>
    public static string NewTemplateName(int certificates) =>
        $"{TemplatePrefix}{DateTime.UtcNow:yyyyMMddHHmm}_{certificates}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Drops templates of runs that ended more than a day ago without dropping theirs (a killed test host on a server
    /// given from outside, which outlives the run). A day is far longer than any run, so no running process loses one.
    /// </summary>
    public static async Task DropStaleTemplatesAsync()
    {
        var server = Server();
        var names = new List<string>();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{TemplatePrefix}%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        var before = DateTime.UtcNow.AddDays(-1);
        foreach (var name in names)
        {
            if (!DateTime.TryParseExact(name.AsSpan(TemplatePrefix.Length, Math.Min(12, name.Length - TemplatePrefix.Length)), "yyyyMMddHHmm",
                    System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var made)
                || made > before) continue;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Drops a database synchronously (at process exit, where nothing asynchronous is awaited).</summary>
    public static void Drop(string name)
    {
        using var connection = new NpgsqlConnection(Server());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
