using CertGuard.Data.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.Supervision;

/// <summary>Indicator 41 (挂牌督办案件): the cases put under supervision in the window, per case city.</summary>
public sealed class SupervisionIndicators(CertGuardDbContext db) : IIndicatorSource
{
    public const string Code = "41";

    public IReadOnlyCollection<string> Codes { get; } = [Code];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var counts = await db.SupervisedCases.AsNoTracking().Within(window, s => s.RegionCode, s => s.StartedAt)
            .GroupBy(s => s.RegionCode).Select(g => new { City = g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(
            c => c.City, c => (IReadOnlyDictionary<string, decimal>)new Dictionary<string, decimal> { [Code] = c.Count }, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        if (code != Code || !window.Includes(cityCode)) return [];
        var rows = await db.SupervisedCases.AsNoTracking().Where(s => s.RegionCode == cityCode)
            .Within(window, s => s.RegionCode, s => s.StartedAt)
            .Select(s => new { s.Id, s.CaseTitle, s.StartedAt }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.StartedAt)
            .Select(r => new IndicatorRecord("Statistics.Record.Supervision", r.Id, r.CaseTitle, r.StartedAt, $"/supervision/{r.Id}"))];
    }
}
