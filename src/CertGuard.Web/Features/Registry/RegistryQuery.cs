using CertGuard.Core;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Data;
using CertGuard.Data.Registry.Export;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry;

/// <summary>
/// A registry search as officers make it: by number (or ID number) or name, filtered by city, category and state,
/// one page at a time. The page and the API run this same query; scope is applied by the context's filters.
/// Pages follow each other by keyset (the last or first certificate shown, in the order newest issue first), never by
/// OFFSET: a page deep in ten million certificates costs what the first one costs. The total is counted up to
/// <see cref="CountLimit"/> only, for the same reason. A state filter reads the stored state's index
/// (<see cref="CertificateStateIndex"/>), so it costs what a city's page costs, not a walk past every newer certificate.
/// </summary>
public sealed record RegistryQuery(string? Q, string? City, string? Category, CertificateState? State, string? After = null, string? Before = null, int PageSize = 20)
{
    public const int MaxPageSize = 100;

    /// <summary>Totals are exact up to this many; beyond, "more than" (counting a whole province costs seconds).</summary>
    public const int CountLimit = 10_000;

    public RegistryFilter Filter => new(Q, City, Category, State);

    public async Task<RegistryPage> RunAsync(CertGuardDbContext db, DateOnly today, CertificateRules rules, CancellationToken ct)
    {
        // Both cursors read first: a bad one is refused before any query runs.
        var after = RegistryCursor.Parse(After, "after");
        var before = after is null ? RegistryCursor.Parse(Before, "before") : null;
        // The same filters as the export (and certguard export): one definition in the data layer.
        var query = (Filter with { State = null }).Apply(db.Certificates.AsNoTracking(), today, rules);
        // A state is derived from dates, so "this state, newest first" is read in two parts (CertificateStateIndex): the
        // rows whose stored state holds, from that state's index, and the few whose stored state lapsed, by their
        // dates. Each is read on its own and the pages merged here: under one UNION ALL PostgreSQL sorts every row of
        // the state instead of reading each part's first rows from its index (1.1 s against 0.5 ms at ten million).
        IQueryable<Certificate>[] parts = State is { } state
            ? [query.Where(CertificateStateIndex.Holding(state, today)),
               query.Where(CertificateStateIndex.Lapsed(today)).Where(CertificateStateFilter.For(state, today, rules))]
            : [query];
        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var counted = 0;
        foreach (var part in parts)
            if (counted <= CountLimit) counted += await part.Take(CountLimit + 1 - counted).CountAsync(ct);

        List<Certificate> items;
        bool hasNext, hasPrevious;
        if (before is { } b)
        {
            // Backwards from the first certificate of the page after: read in the opposite order, then turn round.
            var (from, id) = (b.ValidFrom, b.Id);
            items = await ReadAsync(parts, p => p
                .Where(c => c.ValidFrom >= from && (c.ValidFrom > from || c.Id.CompareTo(id) > 0))
                .OrderBy(c => c.ValidFrom).ThenBy(c => c.Id)
                .Take(size + 1), size + 1, descending: false, ct);
            hasPrevious = items.Count > size;
            if (hasPrevious) items.RemoveAt(size);
            items.Reverse();
            hasNext = true;
        }
        else
        {
            items = await ReadAsync(parts, p =>
            {
                if (after is { } a)
                {
                    var (from, id) = (a.ValidFrom, a.Id);
                    // The first condition alone is an index range: the scan starts at the cursor instead of walking to it.
                    p = p.Where(c => c.ValidFrom <= from && (c.ValidFrom < from || c.Id.CompareTo(id) < 0));
                }
                return p.OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.Id).Take(size + 1);
            }, size + 1, descending: true, ct);
            hasNext = items.Count > size;
            if (hasNext) items.RemoveAt(size);
            hasPrevious = after is not null;
        }
        return new RegistryPage(
            items, size, Math.Min(counted, CountLimit), counted > CountLimit,
            hasNext && items.Count > 0 ? RegistryCursor.Of(items[^1]) : null,
            hasPrevious && items.Count > 0 ? RegistryCursor.Of(items[0]) : null);
    }

    /// <summary>Each part's page (at most <paramref name="take"/> rows), merged in the database's order and cut to <paramref name="take"/>.</summary>
    private static async Task<List<Certificate>> ReadAsync(
        IQueryable<Certificate>[] parts, Func<IQueryable<Certificate>, IQueryable<Certificate>> page, int take, bool descending, CancellationToken ct)
    {
        if (parts.Length == 1) return await page(parts[0]).ToListAsync(ct);
        var rows = new List<Certificate>();
        foreach (var part in parts) rows.AddRange(await page(part).ToListAsync(ct));
        var ordered = descending
            ? rows.OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.Id, DatabaseGuidOrder)
            : rows.OrderBy(c => c.ValidFrom).ThenBy(c => c.Id, DatabaseGuidOrder);
        return ordered.Take(take).ToList();
    }

    /// <summary>
    /// Ids in the order the databases sort them: PostgreSQL compares a uuid's 16 bytes as written, SQLite the text EF
    /// Core stores, which spells the same bytes in the same order; .NET's own Guid order differs in how it reads them.
    /// </summary>
    private static readonly Comparer<Guid> DatabaseGuidOrder =
        Comparer<Guid>.Create((x, y) => string.CompareOrdinal(x.ToString("N"), y.ToString("N")));
}

/// <param name="TotalIsLowerBound">More than <see cref="RegistryQuery.CountLimit"/> match; <paramref name="Total"/> is that limit.</param>
/// <param name="Next">The cursor for the next page (pass it as <c>after</c>), null on the last page.</param>
/// <param name="Previous">The cursor for the previous page (pass it as <c>before</c>), null on the first page.</param>
public sealed record RegistryPage(IReadOnlyList<Certificate> Items, int PageSize, int Total, bool TotalIsLowerBound, string? Next, string? Previous);

/// <summary>
/// Where a page starts or ends: a certificate's issue date and id, the keys the search is ordered by, written as
/// <c>yyyyMMdd-{id:N}</c>. Stable across changes: a link keeps pointing at the same place in the order.
/// </summary>
public readonly record struct RegistryCursor(DateOnly ValidFrom, Guid Id)
{
    public static string Of(Certificate certificate) =>
        $"{certificate.ValidFrom:yyyyMMdd}-{certificate.Id:N}";

    /// <summary>Null for no cursor; a cursor that is not one of ours is refused (422), never read as "from the start".</summary>
    public static RegistryCursor? Parse(string? text, string name)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length == 41 && text[8] == '-'
            && DateOnly.TryParseExact(text.AsSpan(0, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from)
            && Guid.TryParseExact(text.AsSpan(9), "N", out var id))
            return new RegistryCursor(from, id);
        throw Refusal.Invalid("REGISTRY-CURSOR-INVALID", ("name", name));
    }
}

/// <summary>Certificate numbers as people type them: with or without the printed leading T, full-width or not.</summary>
public static class CertificateNumber
{
    public static string Normalize(string text)
    {
        var value = ResidentIdNumber.Normalize(text);
        return value.Length == 19 && value[0] is 'T' or 't' ? value[1..] : value;
    }
}
