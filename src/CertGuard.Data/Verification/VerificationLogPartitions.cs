using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Verification;

/// <summary>A monthly partition of the verification log that retention dropped whole, with the rows it held.</summary>
public sealed record DroppedPartition(string Partition, long Entries);

/// <summary>
/// Maintenance of the PostgreSQL log's monthly partitions (<see cref="VerificationLogPartitioning"/>): months are
/// created ahead so checks never pile into the default partition, and months wholly past retention are dropped instead
/// of deleted row by row. Not for SQLite, which keeps one plain table.
/// </summary>
public static class VerificationLogPartitions
{
    /// <summary>How many months after the current one have their partition ready.</summary>
    public const int MonthsAhead = 2;

    /// <summary>Creates the partitions from <paramref name="first"/>'s month to <paramref name="last"/>'s that are missing.</summary>
    public static async Task<int> EnsureAsync(CertGuardDbContext db, DateTimeOffset first, DateTimeOffset last, CancellationToken ct)
    {
        var (from, to) = (first.ToUniversalTime(), last.ToUniversalTime());
        return await db.Database.SqlQuery<int>($"SELECT verification_log_ensure_partitions({from}, {to}) AS \"Value\"").SingleAsync(ct);
    }

    /// <summary>This month's partition and the next <see cref="MonthsAhead"/>.</summary>
    public static Task<int> EnsureAheadAsync(CertGuardDbContext db, DateTimeOffset now, CancellationToken ct) =>
        EnsureAsync(db, now, now.ToUniversalTime().AddMonths(MonthsAhead), ct);

    /// <summary>
    /// Detaches and drops the partitions whose every row is older than <paramref name="cutoff"/>; the database refuses a
    /// cut-off younger than the shortest retention.
    /// </summary>
    public static async Task<IReadOnlyList<DroppedPartition>> DropBeforeAsync(CertGuardDbContext db, DateTimeOffset cutoff, CancellationToken ct)
    {
        var before = cutoff.ToUniversalTime();
        return await db.Database
            .SqlQuery<DroppedPartition>($"SELECT dropped AS \"Partition\", entries AS \"Entries\" FROM verification_log_drop_partitions_before({before})")
            .ToListAsync(ct);
    }

    /// <summary>The log's partitions by name (the default one included), for tests and the operator.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(CertGuardDbContext db, CancellationToken ct) =>
        await db.Database.SqlQuery<string>($"""
            SELECT c.relname::text AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = '"VerificationLog"'::regclass ORDER BY 1
            """).ToListAsync(ct);
}
