using System.Security.Cryptography;
using CertGuard.Core.Credentials;
using CertGuard.Data.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Status-list places for a bulk load that writes past SaveChanges (COPY), which would otherwise give each new
/// certificate its place (<c>StatusListMaintenance</c>). For each city it takes the free indexes of the authority's
/// lists, shuffled so that neighbouring bits say nothing about the order of the file, and opens new lists when those
/// run out. The list records stay tracked by the context and are saved with the load's audit entry, in its transaction.
/// </summary>
internal sealed class StatusEntryReservation
{
    private readonly Dictionary<string, Queue<(StatusListRecord List, int Index)>> _free = new(StringComparer.Ordinal);
    private readonly Dictionary<StatusListRecord, (int Assigned, List<int> Set)> _use = [];

    private StatusEntryReservation()
    {
    }

    /// <summary>Reserves <c>perCity[city]</c> places for each city; call it holding the write lock, inside the load's transaction.</summary>
    public static async Task<StatusEntryReservation> ReserveAsync(CertGuardDbContext db, IReadOnlyDictionary<string, int> perCity, TimeProvider clock, CancellationToken ct)
    {
        var reservation = new StatusEntryReservation();
        var random = new CryptoPicker();
        foreach (var (city, needed) in perCity)
        {
            if (needed <= 0) continue;
            var queue = new Queue<(StatusListRecord, int)>(needed);
            var lists = await db.StatusLists.Where(l => l.Authority == city).ToListAsync(ct);
            foreach (var list in lists.Where(l => !l.Full).OrderBy(l => l.Id, StringComparer.Ordinal))
            {
                if (queue.Count == needed) break;
                var used = await db.Certificates.IgnoreQueryFilters().Where(c => c.StatusListId == list.Id && c.StatusIndex != null)
                    .Select(c => c.StatusIndex!.Value).ToListAsync(ct);
                foreach (var index in random.Pick(FreeIndexes(used), needed - queue.Count)) queue.Enqueue((list, index));
            }
            for (var number = lists.Count + 1; queue.Count < needed; number++)
            {
                var created = new StatusListRecord($"{city}-{number}", city, clock.GetUtcNow());
                db.StatusLists.Add(created);
                foreach (var index in random.Pick(Enumerable.Range(0, StatusList.Size).ToArray(), needed - queue.Count)) queue.Enqueue((created, index));
            }
            reservation._free[city] = queue;
        }
        return reservation;
    }

    /// <summary>The next reserved place for a certificate of <paramref name="city"/>; <paramref name="bitSet"/> when it is loaded revoked or suspended.</summary>
    public (string ListId, int Index) Take(string city, bool bitSet)
    {
        var (list, index) = _free[city].Dequeue();
        var (assigned, set) = _use.TryGetValue(list, out var use) ? use : (0, []);
        if (bitSet) set.Add(index);
        _use[list] = (assigned + 1, set);
        return (list.Id, index);
    }

    /// <summary>Writes what was taken into the tracked list records (counts and bits); save the context afterwards.</summary>
    public void Apply(DateTimeOffset now)
    {
        foreach (var (list, (assigned, set)) in _use) list.AddBulk(assigned, set, now);
    }

    private static int[] FreeIndexes(List<int> used)
    {
        var taken = new bool[StatusList.Size];
        foreach (var index in used) taken[index] = true;
        return Enumerable.Range(0, StatusList.Size).Where(i => !taken[i]).ToArray();
    }

    /// <summary>
    /// Picks at random from cryptographically strong bytes fetched in blocks: one RandomNumberGenerator call per index
    /// (what a full Shuffle makes) costs seconds per list, and a seeded fast generator could be predicted from the
    /// indexes QR codes reveal, giving away the file's order.
    /// </summary>
    private sealed class CryptoPicker
    {
        private readonly byte[] _block = new byte[64 * 1024];
        private int _next = 64 * 1024;

        /// <summary>A uniformly random choice of <paramref name="count"/> of the values (partial Fisher-Yates; reorders the array).</summary>
        public int[] Pick(int[] values, int count)
        {
            count = Math.Min(count, values.Length);
            for (var i = 0; i < count; i++)
            {
                var j = i + Below(values.Length - i);
                (values[i], values[j]) = (values[j], values[i]);
            }
            return values[..count];
        }

        // Lemire's multiply-and-reject: uniform on [0, bound) without modulo bias.
        private int Below(int bound)
        {
            var limit = unchecked((uint)-bound) % (uint)bound; // 2^32 mod bound
            while (true)
            {
                var product = (ulong)Next() * (uint)bound;
                if ((uint)product >= limit) return (int)(product >> 32);
            }
        }

        private uint Next()
        {
            if (_next + 4 > _block.Length)
            {
                RandomNumberGenerator.Fill(_block);
                _next = 0;
            }
            var value = BitConverter.ToUInt32(_block, _next);
            _next += 4;
            return value;
        }
    }
}
