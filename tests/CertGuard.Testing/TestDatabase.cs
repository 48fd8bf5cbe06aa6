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

    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "certguard.db")};Pooling=False";

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

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ConnectionString;

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        // A missing server is a failure, not a skip: CI must not pass without the PostgreSQL tests.
        var server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set: run the suite with ./test.sh, which starts a throwaway PostgreSQL.");
        var name = "cg_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(server, name);
    }

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
