using System.Collections.Concurrent;

namespace CertGuard.Data.Employers;

/// <summary>
/// One roster check of an employer at a time in this process, from reading its current roster to storing the new
/// one: two uploads at once would both supersede the same roster and both become current. The database's unique
/// index on the current roster is the guarantee across processes; this makes the loser wait instead of fail.
/// </summary>
internal static class RosterLocks
{
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Locks = new();

    public static async Task<IDisposable> EnterAsync(Guid organisationId, CancellationToken ct)
    {
        var gate = Locks.GetOrAdd(organisationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
