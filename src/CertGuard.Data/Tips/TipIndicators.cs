using CertGuard.Core.Regions;
using CertGuard.Core.Tips;
using CertGuard.Data.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Tips;

/// <summary>
/// The tips rows of the statistics table: 43 tips received (by the day received), 44 substantiated (by the day the
/// check ended true, including those since rewarded), 45 rewards paid and 45.amount their yuan (by the day paid). A
/// tip merged into another is counted once, as the one it joined. Reads only plain columns; a drill-down record says
/// the city, the kind and the state, never the tip's content nor who reported it.
/// </summary>
public sealed class TipIndicators(CertGuardDbContext db) : IIndicatorSource
{
    public const string TipRecord = "Statistics.Record.Tip";
    public const string RewardRecord = "Statistics.Record.TipReward";

    public IReadOnlyCollection<string> Codes { get; } = ["43", "44", "45", "45.amount"];

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct)
    {
        var received = await Received(window).GroupBy(t => t.RegionCode).Select(g => new { City = g.Key, Count = g.Count() }).ToListAsync(ct);
        var substantiated = await Substantiated(window).GroupBy(t => t.RegionCode).Select(g => new { City = g.Key, Count = g.Count() }).ToListAsync(ct);
        // One query for both reward figures; the yuan are summed here (decimal sums differ between the providers).
        var paid = await Paid(window).Select(r => new { r.RegionCode, r.Amount }).ToListAsync(ct);
        var figures = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        Dictionary<string, decimal> Of(string city) => figures.TryGetValue(city, out var f) ? f : figures[city] = new(StringComparer.Ordinal);
        foreach (var r in received) Of(r.City)["43"] = r.Count;
        foreach (var s in substantiated) Of(s.City)["44"] = s.Count;
        foreach (var g in paid.GroupBy(p => p.RegionCode))
        {
            Of(g.Key)["45"] = g.Count();
            Of(g.Key)["45.amount"] = g.Sum(p => p.Amount);
        }
        return figures.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, decimal>)f.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct)
    {
        var city = window.Only(cityCode);
        switch (code)
        {
            case "43":
            case "44":
                var tips = await (code == "43" ? Received(city) : Substantiated(city))
                    .Select(t => new { t.Id, t.RegionCode, t.Kind, t.State, t.ReceivedAt, t.CheckEndedAt }).ToListAsync(ct);
                return tips.Select(t => new IndicatorRecord(TipRecord, t.Id, Summary(t.RegionCode, t.Kind, t.State),
                        code == "43" ? t.ReceivedAt : t.CheckEndedAt!.Value, $"/tips/office?id={t.Id}"))
                    .OrderByDescending(r => r.At).ToList();
            case "45":
            case "45.amount":
                var rewards = await (from r in Paid(city)
                                     join t in db.Tips on r.TipId equals t.Id
                                     select new { r.Id, r.RegionCode, t.Kind, r.Amount, r.PaidAt, r.TipId }).ToListAsync(ct);
                return rewards.Select(r => new IndicatorRecord(RewardRecord, r.Id, $"{Summary(r.RegionCode, r.Kind, TipState.Rewarded)} · {r.Amount:0} 元",
                        r.PaidAt!.Value, $"/tips/rewards", code == "45" ? 1m : r.Amount))
                    .OrderByDescending(r => r.At).ToList();
            default:
                return [];
        }
    }

    private static string Summary(string city, TipKind kind, TipState state) =>
        $"{RegionDirectory.Guangdong.NameOf(city)} · {TipTexts.KindName(kind)} · {TipTexts.StateName(state)}";

    private IQueryable<Tip> Received(IndicatorWindow w) =>
        db.Tips.Where(t => t.MergedIntoId == null).Within(w, t => t.RegionCode, t => t.ReceivedAt);

    private IQueryable<Tip> Substantiated(IndicatorWindow w) =>
        db.Tips.Where(t => t.MergedIntoId == null && (t.State == TipState.Substantiated || t.State == TipState.Rewarded) && t.CheckEndedAt != null)
            .Within(w, t => t.RegionCode, t => t.CheckEndedAt);

    private IQueryable<TipReward> Paid(IndicatorWindow w) =>
        db.TipRewards.Where(r => r.State == RewardState.Paid && r.PaidAt != null).Within(w, r => r.RegionCode, r => r.PaidAt);
}
