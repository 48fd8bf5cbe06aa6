using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertGuard.Data.Database;

/// <summary>What a failed database call means, whichever provider raised it and however EF Core wrapped it.</summary>
public static class DatabaseFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    /// <summary>Another connection holds the write lock past the busy timeout (SQLite), or a lock wait timed out (PostgreSQL).</summary>
    public static bool IsBusy(Exception e) => Chain(e).Any(x =>
        x is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }
        || x is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable });

    /// <summary>A unique index refused a row: by its name on PostgreSQL, by "table.column" in SQLite's message.</summary>
    public static bool IsUniqueViolation(Exception e, string indexName, string sqliteColumn) => Chain(e).Any(x =>
        x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == indexName
        || x is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite && sqlite.Message.Contains(sqliteColumn, StringComparison.Ordinal));

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }
}
