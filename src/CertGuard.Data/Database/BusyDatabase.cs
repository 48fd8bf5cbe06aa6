using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertGuard.Data.Database;

/// <summary>
/// Whether a failure means the database is busy rather than broken: SQLite's writer lock held too long, PostgreSQL
/// out of connections or a timeout. The caller should try again shortly, so the web host answers 503 with Retry-After.
/// </summary>
public static class BusyDatabase
{
    /// <summary>How long a client should wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                case PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.CannotConnectNow }:
                case NpgsqlException { IsTransient: true }:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
