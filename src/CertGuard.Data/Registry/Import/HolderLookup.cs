using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// The registry's certificates of the holders in a batch of rows (all items, all cities), for the importer to tell
/// new rows from unchanged and conflicting ones. A registry that is small at the start of the import (an initial load)
/// has its holder numbers read once, so that only the holders it knows are looked up: otherwise a million new rows
/// would each cost an index probe into the table the load is filling. Either way a row is judged against the registry
/// as it was before the import, never against the load's own certificates (those are the file's duplicates, caught
/// as such), so that the answer does not depend on the registry's size.
/// </summary>
internal sealed class HolderLookup
{
    /// <summary>Up to this many certificates, the numbers are held in memory (a few MB).</summary>
    public const int PreloadLimit = 250_000;

    // Numbers per query: an index scan with the array as its key either way; fewer round trips for a re-import.
    private const int QueryChunk = 5_000;

    private readonly CertGuardDbContext _db;
    private readonly HashSet<string>? _known;

    // Without the known numbers, what the load wrote is in the way of the lookups: left out by id.
    private readonly HashSet<Guid>? _written;

    private HolderLookup(CertGuardDbContext db, HashSet<string>? known, int? rows)
    {
        _db = db;
        _known = known;
        _written = known is null ? [] : null;
        ExistingRows = rows;
    }

    /// <summary>How many certificates the registry held at the start, when at most <see cref="PreloadLimit"/>; null for more.</summary>
    public int? ExistingRows { get; }

    /// <summary>Call it before the import writes anything: what it reads is the registry as it was.</summary>
    public static async Task<HolderLookup> OpenAsync(CertGuardDbContext db, CancellationToken ct)
    {
        var registry = db.Certificates.IgnoreQueryFilters().AsNoTracking();
        var rows = await registry.Take(PreloadLimit + 1).CountAsync(ct);
        if (rows > PreloadLimit) return new HolderLookup(db, null, null);
        var known = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var number in registry.Select(c => c.Number).AsAsyncEnumerable().WithCancellation(ct)) known.Add(number);
        return new HolderLookup(db, known, rows);
    }

    /// <summary>Notes certificates the load wrote, so that later lookups leave them out.</summary>
    public void Wrote(IEnumerable<Certificate> certificates)
    {
        if (_written is null) return;
        foreach (var certificate in certificates) _written.Add(certificate.Id);
    }

    /// <summary>Each holder's certificates, by number; holders the registry does not know are left out.</summary>
    public async Task<Dictionary<string, List<Certificate>>> FindAsync(IEnumerable<string> numbers, CancellationToken ct)
    {
        var wanted = numbers.Where(n => _known is null || _known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, List<Certificate>>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(QueryChunk))
        {
            var held = await _db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => chunk.Contains(c.Number)).ToListAsync(ct);
            foreach (var certificate in held)
            {
                if (_written?.Contains(certificate.Id) == true) continue;
                if (!found.TryGetValue(certificate.Number, out var mine)) found[certificate.Number] = mine = [];
                mine.Add(certificate);
            }
        }
        return found;
    }
}
