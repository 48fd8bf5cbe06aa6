using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Data;
using CertGuard.Data.Registry.Export;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry;

/// <summary>
/// A registry search as officers make it: by number (or ID number) or name, filtered by city, category and state,
/// one page at a time. The page and the API run this same query; scope is applied by the context's filters.
/// </summary>
public sealed record RegistryQuery(string? Q, string? City, string? Category, CertificateState? State, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 100;

    public RegistryFilter Filter => new(Q, City, Category, State);

    public async Task<RegistryPage> RunAsync(CertGuardDbContext db, DateOnly today, CertificateRules rules, CancellationToken ct)
    {
        // The same filters as the export (and certguard export): one definition in the data layer.
        var query = Filter.Apply(db.Certificates.AsNoTracking(), today, rules);

        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await query
            .OrderByDescending(c => c.ValidFrom).ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);
        return new RegistryPage(items, page, size, total);
    }
}

public sealed record RegistryPage(IReadOnlyList<Certificate> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
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
