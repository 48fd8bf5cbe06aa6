using System.Security.Cryptography;
using CertGuard.Core.Credentials;
using CertGuard.Data.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Status-list places for a bulk load that writes past SaveChanges (COPY), which would otherwise give each new
/// certificate its place (<c>StatusListMaintenance</c>). A city's free places on its authority's open lists are read
/// once, before its first certificate is written, and handed out in random order, so that neighbouring bits say nothing
/// about the order of the file; new lists open when they run out. The list records stay tracked by the context and are
/// saved with the load's audit entry, in its transaction.
/// </summary>
internal sealed class StatusEntryReservation(CertGuardDbContext db, TimeProvider clock)
{
    private readonly Dictionary<string, CityPlaces> _cities = new(StringComparer.Ordinal);
    private readonly Dictionary<StatusListRecord, (int Assigned, List<int> Set)> _use = [];
    private readonly CryptoPicker _random = new();

    /// <summary>Reads the free places of the cities not prepared yet; call it holding the write lock, inside the load's transaction, with no COPY open.</summary>
    public async Task PrepareAsync(IEnumerable<string> cities, CancellationToken ct)
    {
        var missing = cities.Where(c => !_cities.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return;
        var lists = await db.StatusLists.Where(l => missing.Contains(l.Authority)).ToListAsync(ct);
        var open = lists.Where(l => !l.Full).Select(l => l.Id).ToList();
        // Every certificate counts, whatever the acting account may see.
        var used = (await db.Certificates.IgnoreQueryFilters().Where(c => open.Contains(c.StatusListId!) && c.StatusIndex != null)
            .Select(c => new { c.StatusListId, c.StatusIndex }).ToListAsync(ct)).ToLookup(u => u.StatusListId!, u => u.StatusIndex!.Value);
        foreach (var city in missing)
        {
            var mine = lists.Where(l => l.Authority == city).ToList();
            var places = new CityPlaces(mine.Count);
            foreach (var list in mine.Where(l => !l.Full).OrderBy(l => l.Id, StringComparer.Ordinal)) places.Open.Enqueue((list, FreeIndexes(used[list.Id], list)));
            _cities[city] = places;
        }
    }

    /// <summary>A place for a certificate of <paramref name="city"/> (prepared before); <paramref name="bitSet"/> when it is loaded revoked or suspended.</summary>
    public (string ListId, int Index) Take(string city, bool bitSet)
    {
        var places = _cities[city];
        while (places.Current is null || places.Next == places.Free.Length)
        {
            if (!places.Open.TryDequeue(out var open))
            {
                var created = new StatusListRecord($"{city}-{++places.Lists}", city, clock.GetUtcNow());
                db.StatusLists.Add(created);
                open = (created, Enumerable.Range(0, StatusList.Size).ToArray());
            }
            (places.Current, places.Free, places.Next) = (open.List, open.Free, 0);
        }
        // One step of a Fisher-Yates shuffle: a uniformly random free index not taken before.
        var free = places.Free;
        var pick = places.Next + _random.Below(free.Length - places.Next);
        (free[places.Next], free[pick]) = (free[pick], free[places.Next]);
        var index = free[places.Next++];
        var list = places.Current;
        var (assigned, set) = _use.TryGetValue(list, out var use) ? use : (0, []);
        if (bitSet) set.Add(index);
        _use[list] = (assigned + 1, set);
        return (list.Id, index);
    }

    /// <summary>Writes what was taken into the tracked list records (counts and bits); save the context afterwards.</summary>
    public void Apply(DateTimeOffset now)
    {
        foreach (var (list, (assigned, set)) in _use) list.AddBulk(assigned, set, now);
        _use.Clear();
    }

    /// <summary>Indexes no certificate holds and whose bit is clear: a retired place (bit set, no holder) is never reused.</summary>
    private static int[] FreeIndexes(IEnumerable<int> used, StatusListRecord list)
    {
        var taken = new bool[StatusList.Size];
        foreach (var index in used) taken[index] = true;
        var bits = StatusList.FromBytes(list.Bits);
        for (var i = 0; i < StatusList.Size; i++) taken[i] |= bits[i];
        return Enumerable.Range(0, StatusList.Size).Where(i => !taken[i]).ToArray();
    }

    private sealed class CityPlaces(int lists)
    {
        /// <summary>How many lists the city's authority has, those opened by this load included (the next one's number).</summary>
        public int Lists { get; set; } = lists;

        public Queue<(StatusListRecord List, int[] Free)> Open { get; } = new();

        public StatusListRecord? Current { get; set; }

        public int[] Free { get; set; } = [];

        public int Next { get; set; }
    }

    /// <summary>
    /// Picks at random from cryptographically strong bytes fetched in blocks: one RandomNumberGenerator call per index
    /// costs seconds per list, and a seeded fast generator could be predicted from the indexes QR codes reveal, giving
    /// away the file's order.
    /// </summary>
    private sealed class CryptoPicker
    {
        private readonly byte[] _block = new byte[64 * 1024];
        private int _next = 64 * 1024;

        // Lemire's multiply-and-reject: uniform on [0, bound) without modulo bias.
        public int Below(int bound)
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
