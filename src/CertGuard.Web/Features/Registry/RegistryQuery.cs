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
/// <see cref="CountLimit"/> only, for the same reason.
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
        var query = Filter.Apply(db.Certificates.AsNoTracking(), today, rules);
        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var counted = await query.Take(CountLimit + 1).CountAsync(ct);

        List<Certificate> items;
        bool hasNext, hasPrevious;
        if (before is { } b)
        {
            // Backwards from the first certificate of the page after: read in the opposite order, then turn round.
            var (from, id) = (b.ValidFrom, b.Id);
            items = await query
                .Where(c => c.ValidFrom >= from && (c.ValidFrom > from || c.Id.CompareTo(id) > 0))
                .OrderBy(c => c.ValidFrom).ThenBy(c => c.Id)
                .Take(size + 1).ToListAsync(ct);
            hasPrevious = items.Count > size;
            if (hasPrevious) items.RemoveAt(size);
            items.Reverse();
            hasNext = true;
        }
        else
        {
            var page = query;
            if (after is { } a)
            {
                var (from, id) = (a.ValidFrom, a.Id);
                // The first condition alone is an index range: the scan starts at the cursor instead of walking to it.
                page = page.Where(c => c.ValidFrom <= from && (c.ValidFrom < from || c.Id.CompareTo(id) < 0));
            }
            items = await page.OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(ct);
            hasNext = items.Count > size;
            if (hasNext) items.RemoveAt(size);
            hasPrevious = after is not null;
        }
        return new RegistryPage(
            items, size, Math.Min(counted, CountLimit), counted > CountLimit,
            hasNext && items.Count > 0 ? RegistryCursor.Of(items[^1]) : null,
            hasPrevious && items.Count > 0 ? RegistryCursor.Of(items[0]) : null);
    }
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
