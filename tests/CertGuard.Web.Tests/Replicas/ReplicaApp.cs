using CertGuard.Data.Database;
using CertGuard.Web.Tests.Verification.PublicQuery;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CertGuard.Web.Tests.Replicas;

/// <summary>
/// The platform on PostgreSQL with <c>Database:ReadConnectionString</c> pointing at a real streaming replica
/// (<c>CERTGUARD_TEST_POSTGRES_REPLICA</c>, started by ./test.sh with scripts/pg-throwaway.sh). The test database is
/// created on the replica's primary (<c>CERTGUARD_TEST_POSTGRES_REPLICA_OF</c>, else <c>CERTGUARD_TEST_POSTGRES</c>)
/// and reaches the replica by streaming, like every later write.
/// </summary>
public sealed class PostgresReplicaApp : PublicQueryApp
{
    public const string ReplicaVariable = "CERTGUARD_TEST_POSTGRES_REPLICA";
    public const string ReplicaOfVariable = "CERTGUARD_TEST_POSTGRES_REPLICA_OF";

    // A missing replica is a failure, not a skip: ./test.sh always provides one.
    private static readonly string Replica = Environment.GetEnvironmentVariable(ReplicaVariable)
        ?? throw new InvalidOperationException($"{ReplicaVariable} is not set: run the suite with ./test.sh, which starts a streaming replica.");

    /// <summary>The replica's own primary when it is not the server every other test uses.</summary>
    private static readonly string? ReplicaOf = Environment.GetEnvironmentVariable(ReplicaOfVariable) is { Length: > 0 } s ? s : null;

    private string? _ownDatabase;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override int DemoCertificates => 40;

    /// <summary>The app's database on the primary (superuser, no pooling).</summary>
    public string PrimaryConnection => _ownDatabase is null ? Database.ConnectionString : OnServer(ReplicaOf!, _ownDatabase);

    /// <summary>The same database on the replica.</summary>
    public string ReplicaConnection => OnServer(Replica, new NpgsqlConnectionStringBuilder(PrimaryConnection).Database!);

    public override async Task InitializeAsync()
    {
        if (ReplicaOf is not null)
        {
            _ownDatabase = "cg_test_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(ReplicaOf, $"CREATE DATABASE \"{_ownDatabase}\"");
        }
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:ConnectionString", PrimaryConnection);
        builder.UseSetting("Database:ReadConnectionString", ReplicaConnection);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownDatabase is not null)
        {
            var name = _ownDatabase;
            _ownDatabase = null;
            await ExecuteAsync(ReplicaOf!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>Waits (bounded) until the replica has replayed everything the primary has written so far.</summary>
    public async Task ReplicaCaughtUpAsync()
    {
        // The insert position, not pg_current_wal_lsn() (the write position): with synchronous_commit off, as the
        // throwaway cluster runs, a commit can wait in the WAL buffers behind the write position for up to three
        // wal_writer_delays, and a replica caught up to that position would not have replayed it yet.
        var target = await ScalarAsync<string>(PrimaryConnection, "SELECT pg_current_wal_insert_lsn()::text");
        await UntilAsync($"the replica replays up to {target}",
            async () => await ScalarAsync<bool>(ReplicaConnection, $"SELECT coalesce(pg_last_wal_replay_lsn() >= '{target}'::pg_lsn, false)"));
    }

    /// <summary>Stops the replica applying what it receives (the lag of a busy replica, made to order).</summary>
    public async Task PauseReplayAsync()
    {
        await ExecuteAsync(ReplicaConnection, "SELECT pg_wal_replay_pause()");
        await UntilAsync("replay is paused", async () => await ScalarAsync<string>(ReplicaConnection, "SELECT pg_get_wal_replay_pause_state()") == "paused");
    }

    public Task ResumeReplayAsync() => ExecuteAsync(ReplicaConnection, "SELECT pg_wal_replay_resume()");

    public static async Task<T> ScalarAsync<T>(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }

    private static string OnServer(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;

    /// <summary>Polls a condition for up to a minute (a replica on a loaded machine may be slow; never a timing assertion).</summary>
    private static async Task UntilAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited a minute for: {what}.");
            await Task.Delay(100);
        }
    }
}
