using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CertGuard.Data.Registry.Import;

/// <summary>What a PostgreSQL load knows before it writes: the index mode, and the cities whose status lists it may use.</summary>
/// <param name="ExistingRows">The registry's certificates before the load, when it was small enough to count (<see cref="HolderLookup"/>).</param>
internal sealed record PostgresLoadPlan(BulkIndexMode Indexes, int RebuildFrom, int? ExistingRows, IReadOnlyList<string> Cities)
{
    /// <summary>Auto: once the load has written enough rows, and at least as many as the registry held (so rebuilding reads mostly this load's rows).</summary>
    public bool RebuildAfter(int written) =>
        Indexes == BulkIndexMode.Rebuild
        || (Indexes == BulkIndexMode.Auto && ExistingRows is { } existing && written >= Math.Max(RebuildFrom, existing));
}

/// <summary>
/// The certificates' secondary indexes and the history's foreign key to them, dropped inside a load's transaction and
/// created again before it commits. Per-row maintenance of seven indexes (and a key check per history row) costs most of
/// a million-row COPY; one sorted build each at the end costs a fraction. PostgreSQL DDL is transactional: a load that
/// fails or is cancelled leaves them as they were. The index on (number, item) stays: it keeps the load's duplicates
/// out as they come and serves its lookups. While dropped, the tables are locked against every reader until commit.
/// </summary>
internal sealed class PostgresBulkIndexes
{
    private const string Savepoint = "certguard_bulk_indexes";

    // Waiting for a long reader would queue every later one behind the load: give up instead and keep the indexes.
    private const string LockTimeout = "5s";

    private readonly List<string> _restore;

    private PostgresBulkIndexes(List<string> restore) => _restore = restore;

    /// <summary>Drops them; null when another session held the tables too long (nothing dropped, the load goes on maintaining them).</summary>
    public static async Task<PostgresBulkIndexes?> DropAsync(CertGuardDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        var certificates = db.Model.FindEntityType(typeof(Core.Certificates.Certificate))!;
        var events = db.Model.FindEntityType(typeof(Core.Certificates.CertificateEvent))!;
        var keep = certificates.GetIndexes().Single(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(["Number", "ItemCode"])).GetDatabaseName()!;
        var statements = await db.Database.SqlQueryRaw<IndexStatement>(
            """
            SELECT format('DROP INDEX %s', x.indexrelid::regclass) AS "Drop", pg_get_indexdef(x.indexrelid) AS "Create"
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = {0}::regclass AND NOT x.indisprimary AND i.relname <> {1}
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            UNION ALL
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = {2}::regclass AND c.confrelid = {0}::regclass
            """,
            Quoted(certificates.GetTableName()!), keep, Quoted(events.GetTableName()!)).ToListAsync(ct);

        await transaction.CreateSavepointAsync(Savepoint, ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SET LOCAL lock_timeout = '{LockTimeout}'", ct);
            foreach (var statement in statements) await db.Database.ExecuteSqlRawAsync(statement.Drop, ct);
            await transaction.ReleaseSavepointAsync(Savepoint, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, ct);
            return null;
        }
        await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout TO DEFAULT", ct);
        return new PostgresBulkIndexes([.. statements.Select(s => s.Create)]);
    }

    /// <summary>Builds them again (each in one sorted pass) and checks the history's key across the table at once.</summary>
    public async Task RestoreAsync(CertGuardDbContext db, CancellationToken ct)
    {
        // Sorting a million keys in memory instead of in temporary files; set for this transaction only.
        await db.Database.ExecuteSqlRawAsync(
            "SELECT set_config('maintenance_work_mem', GREATEST(pg_size_bytes(current_setting('maintenance_work_mem')), 256 * 1024 * 1024) / 1024 || 'kB', true)", ct);
        // One build over ten million rows takes longer than a command's default 30 s (Npgsql): the load would fail at
        // its very end and roll back. The builds get an hour each; the connection's own timeout comes back afterwards.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(RestoreTimeout);
        try
        {
            foreach (var statement in _restore) await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>How long one index build or the key's validation may take.</summary>
    public static readonly TimeSpan RestoreTimeout = TimeSpan.FromHours(1);

    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record IndexStatement(string Drop, string Create);
}
