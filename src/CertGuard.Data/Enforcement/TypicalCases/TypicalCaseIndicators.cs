using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Data.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.TypicalCases;

/// <summary>
/// Indicator 42 (公布典型案例): the typical cases published in the window, per city. A case withdrawn since is not
/// counted: what the public can no longer read was not, in the end, published.
/// </summary>
public sealed class TypicalCaseIndicators(CertGuardDbContext db) : IIndicatorSource
{
    public const string Code = "42";

    public IReadOnlyCollection<string> Codes { get; } = [Code];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var counts = await InWindow(window).GroupBy(t => t.RegionCode).Select(g => new { City = g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(
            c => c.City, c => (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal> { [Code] = c.Count }, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        if (code != Code || !window.Includes(cityCode)) return [];
        var rows = await InWindow(window).Where(t => t.RegionCode == cityCode).Select(t => new { t.Id, t.Title, t.PublishedAt }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.PublishedAt)
            .Select(r => new IndicatorRecord("Statistics.Record.TypicalCase", r.Id, r.Title, r.PublishedAt!.Value, $"/typical-cases#case-{r.Id}"))];
    }

    private IQueryable<TypicalCase> InWindow(IndicatorWindow window) =>
        db.TypicalCases.AsNoTracking().Where(t => t.State == TypicalCaseState.Published).Within(window, t => t.RegionCode, t => t.PublishedAt);
}
