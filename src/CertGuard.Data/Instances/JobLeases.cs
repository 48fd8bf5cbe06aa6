using System.Collections.Concurrent;
using CertGuard.Data.Database;
using Medallion.Threading.Postgres;

namespace CertGuard.Data.Instances;

/// <summary>
/// A named lease on a background job: held by one instance at a time, for the duration of a run. Not a queue: an
/// instance that does not get it skips the run (another is doing it).
/// </summary>
public interface IJobLeases
{
    /// <summary>The lease, or null at once when another holder has it. Dispose to release.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct);
}

/// <summary>
/// PostgreSQL: a session-level advisory lock (pg_try_advisory_lock) on a key hashed from the job's name, held on a
/// connection of its own while the job runs; a crashed instance's lock goes with its connection. Needs a session
/// (not transaction) pooling mode if a pooler sits in between.
/// </summary>
internal sealed class PostgresJobLeases(DatabaseOptions database) : IJobLeases
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct)
    {
        var name = new PostgresAdvisoryLockKey("certguard.job:" + job, allowHashing: true);
        return await new PostgresDistributedLock(name, database.EffectiveConnectionString).TryAcquireAsync(TimeSpan.Zero, ct);
    }
}

/// <summary>SQLite: one instance by nature (one file, one writer); a lock in this process keeps two runs of a job apart.</summary>
internal sealed class InProcessJobLeases : IJobLeases
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(TimeSpan.Zero, ct) ? new Release(gate) : null;
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
