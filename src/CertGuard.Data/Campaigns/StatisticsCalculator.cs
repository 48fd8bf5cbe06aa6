using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;

namespace CertGuard.Data.Campaigns;

/// <summary>
/// Fills the statistics table from the registered <see cref="IIndicatorSource"/>s: per city for a window, and the
/// province total (sums, ratios recomputed). A code no source claims stays unavailable (null), never zero.
/// </summary>
public sealed class StatisticsCalculator(IEnumerable<IIndicatorSource> sources)
{
    private readonly IReadOnlyList<IIndicatorSource> _sources = Claimed(sources);

    /// <summary>The codes some module counts; the rest are entered or not yet available.</summary>
    public IReadOnlySet<string> ComputedCodes => field ??= _sources.SelectMany(s => s.Codes).ToHashSet(StringComparer.Ordinal);

    /// <summary>The figures of each city in the window (every city of the window, in the directory's order).</summary>
    public async Task<IReadOnlyDictionary<string, StatisticsFigures>> ComputeAsync(IndicatorWindow window, CancellationToken ct)
    {
        var cities = RegionDirectory.Guangdong.Cities.Select(c => c.Code).Where(window.Includes).ToList();
        var counted = cities.ToDictionary(c => c, _ => new Dictionary<string, decimal>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            var byCity = await source.CountAsync(window, ct);
            foreach (var city in cities)
            {
                byCity.TryGetValue(city, out var values);
                foreach (var code in source.Codes)
                    counted[city][code] = values?.GetValueOrDefault(code) ?? 0m;
            }
        }
        return cities.ToDictionary(c => c, c => new StatisticsFigures(counted[c]), StringComparer.Ordinal);
    }

    /// <summary>The records behind one city's figure; null when no module counts that code.</summary>
    public Task<IReadOnlyList<IndicatorRecord>>? ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct) =>
        _sources.FirstOrDefault(s => s.Codes.Contains(code))?.ListAsync(code, cityCode, window, ct);

    private static List<IIndicatorSource> Claimed(IEnumerable<IIndicatorSource> sources)
    {
        var list = sources.ToList();
        var twice = list.SelectMany(s => s.Codes).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
            throw new InvalidOperationException($"Indicator codes counted by more than one source: {string.Join(", ", twice)}.");
        var unknown = list.SelectMany(s => s.Codes).Where(c => StatisticsIndicators.Find(c) is not { Kind: IndicatorKind.Computed }).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Not computed indicator codes claimed by a source: {string.Join(", ", unknown)}.");
        return list;
    }
}
