namespace CertGuard.Core.Campaigns.Reports;

/// <summary>
/// Puts a report together: the computed figures (live or frozen), the city's corrections and entries, and the rates
/// recomputed from what is reported. Pure, so the page, the API, the sheet and the XLSX all read the same numbers.
/// </summary>
public static class ReportComposition
{
    /// <summary>
    /// Rows the table marks as entered by the police or inspectors (37–40): entered by the city office while no module
    /// counts them, computed once one does.
    /// </summary>
    public static IReadOnlySet<string> EnteredWhileUncounted { get; } = new HashSet<string>(StringComparer.Ordinal) { "37", "38", "39", "40" };

    /// <summary>True when the city office types the code's value (rows 46–47, and 37–40 while no module counts them).</summary>
    public static bool IsEntered(StatisticsIndicator indicator, IReadOnlySet<string> counted) =>
        indicator.Kind == IndicatorKind.Entered || (!counted.Contains(indicator.Code) && EnteredWhileUncounted.Contains(indicator.Code));

    /// <summary>
    /// The lines of a report. <paramref name="computed"/> holds the computed figures: the live ones for a draft, the
    /// frozen ones for a submitted report; a code absent from it is not counted by any module.
    /// </summary>
    public static IReadOnlyList<ReportLine> Lines(IReadOnlyDictionary<string, decimal> computed, IEnumerable<ReportFigure> rows)
    {
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var counted = computed.Keys.ToHashSet(StringComparer.Ordinal);
        var lines = new List<ReportLine>();
        foreach (var indicator in StatisticsIndicators.All.Where(i => i.Kind != IndicatorKind.Ratio))
        {
            byCode.TryGetValue(indicator.Code, out var row);
            if (counted.Contains(indicator.Code))
            {
                var value = computed[indicator.Code];
                lines.Add(new ReportLine(indicator, LineSource.Computed, value, row?.Corrected, row?.Reason, null, null, row?.Corrected ?? value));
            }
            else if (IsEntered(indicator, counted))
                lines.Add(new ReportLine(indicator, LineSource.Entered, null, null, null, row?.Entered, row?.SourceNote, row?.Entered));
            else
                lines.Add(new ReportLine(indicator, LineSource.Unavailable, null, null, null, null, null, null));
        }
        var figures = Figures(lines);
        return StatisticsIndicators.All
            .Select(i => i.Kind == IndicatorKind.Ratio
                ? new ReportLine(i, LineSource.Ratio, null, null, null, null, null, figures[i.Code])
                : lines.Single(l => l.Code == i.Code))
            .ToList();
    }

    /// <summary>The reported values as figures (rates recomputed from them).</summary>
    public static StatisticsFigures Figures(IEnumerable<ReportLine> lines) =>
        new(lines.Where(l => l.Source != LineSource.Ratio && l.Value is not null).ToDictionary(l => l.Code, l => l.Value!.Value, StringComparer.Ordinal));

    /// <summary>The computed figures a submitted report froze (codes no module counted then are absent).</summary>
    public static IReadOnlyDictionary<string, decimal> Frozen(IEnumerable<ReportFigure> rows) =>
        rows.Where(r => r.Computed is not null).ToDictionary(r => r.Code, r => r.Computed!.Value, StringComparer.Ordinal);

    /// <summary>The computed (non-ratio) values of live figures: what the registered modules count.</summary>
    public static IReadOnlyDictionary<string, decimal> Counted(StatisticsFigures live, IReadOnlySet<string> countedCodes) =>
        live.Values.Where(v => countedCodes.Contains(v.Key) && v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value, StringComparer.Ordinal);
}
