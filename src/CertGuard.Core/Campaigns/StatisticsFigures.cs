namespace CertGuard.Core.Campaigns;

/// <summary>
/// The figures of one city (or the province) for one window: a value per indicator code, or none when no module
/// counts that row yet (shown as "not yet available", never as zero). Ratios are always recomputed from their parts,
/// so a total's rate comes from the summed counts, never from averaged rates.
/// </summary>
public sealed class StatisticsFigures
{
    private readonly Dictionary<string, decimal?> _values = new(StringComparer.Ordinal);

    public StatisticsFigures(IReadOnlyDictionary<string, decimal> counted)
    {
        foreach (var indicator in StatisticsIndicators.All.Where(i => i.Kind != IndicatorKind.Ratio))
            _values[indicator.Code] = counted.TryGetValue(indicator.Code, out var v) ? v : null;
        RecomputeRatios();
    }

    /// <summary>The value of a code; null when not available (or a ratio over zero).</summary>
    public decimal? this[string code] => _values.GetValueOrDefault(code);

    public IReadOnlyDictionary<string, decimal?> Values => _values;

    /// <summary>Sums counts code by code (a code is available in the sum when it is in any part) and recomputes ratios.</summary>
    public static StatisticsFigures Sum(IEnumerable<StatisticsFigures> parts)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (code, value) in part._values)
                if (value is { } v && StatisticsIndicators.Find(code)?.Kind != IndicatorKind.Ratio)
                    sums[code] = sums.GetValueOrDefault(code) + v;
        return new StatisticsFigures(sums);
    }

    private void RecomputeRatios()
    {
        foreach (var ratio in StatisticsIndicators.All.Where(i => i.Kind == IndicatorKind.Ratio))
        {
            var top = _values.GetValueOrDefault(ratio.Numerator!);
            var bottom = _values.GetValueOrDefault(ratio.Denominator!);
            _values[ratio.Code] = top is { } t && bottom is { } b && b != 0 ? Math.Round(t * 100m / b, 1, MidpointRounding.AwayFromZero) : null;
        }
    }
}
