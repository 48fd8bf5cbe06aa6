using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Tips;

/// <summary>One city's month for the campaign's statistics table (months in China time).</summary>
public sealed record TipMonthRow(string RegionCode, string Month, int Received, int Substantiated, int RewardsPaid, decimal RewardsPaidYuan);

/// <summary>
/// Tips received, substantiated, rewards paid (count and amount) per city and month, within the reader's scope (a
/// city its own, the province all). Reads only plain columns: nothing sealed is opened.
/// </summary>
public sealed class TipStatistics(CertGuardDbContext db)
{
    public async Task<IReadOnlyList<TipMonthRow>> MonthlyAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDay(from);
        var end = ChinaTime.StartOfDay(to.AddDays(1));
        var tips = await db.Tips.Where(t => t.ReceivedAt >= start && t.ReceivedAt < end && t.MergedIntoId == null)
            .Select(t => new { t.RegionCode, t.ReceivedAt, t.State }).ToListAsync(ct);
        var paid = await db.TipRewards.Where(r => r.State == RewardState.Paid && r.PaidAt >= start && r.PaidAt < end)
            .Select(r => new { r.RegionCode, r.PaidAt, r.Amount }).ToListAsync(ct);
        var keys = tips.Select(t => (t.RegionCode, Month(t.ReceivedAt))).Concat(paid.Select(p => (p.RegionCode, Month(p.PaidAt!.Value)))).Distinct();
        return keys.Select(k => new TipMonthRow(k.RegionCode, k.Item2,
                tips.Count(t => t.RegionCode == k.RegionCode && Month(t.ReceivedAt) == k.Item2),
                tips.Count(t => t.RegionCode == k.RegionCode && Month(t.ReceivedAt) == k.Item2 && t.State is TipState.Substantiated or TipState.Rewarded),
                paid.Count(p => p.RegionCode == k.RegionCode && Month(p.PaidAt!.Value) == k.Item2),
                paid.Where(p => p.RegionCode == k.RegionCode && Month(p.PaidAt!.Value) == k.Item2).Sum(p => p.Amount)))
            .OrderBy(r => r.Month).ThenBy(r => r.RegionCode).ToList();
    }

    private static string Month(DateTimeOffset at) => ChinaTime.DateOf(at).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
