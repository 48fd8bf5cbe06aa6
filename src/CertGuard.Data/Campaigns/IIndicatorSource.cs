namespace CertGuard.Data.Campaigns;

/// <summary>
/// A module's contribution to the statistics table: it counts the indicator codes it owns (see
/// <c>StatisticsIndicators</c>) from its own records, per city, and lists the records behind each figure (the
/// drill-down). Registered in DI as scoped by the module that owns the records; a code no source claims shows as
/// "not yet available". Sources read through the scoped context, so they see what the acting user may see.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>The indicator codes this source counts ("1", "20.org", "45.amount" …); each code has one source.</summary>
    IReadOnlyCollection<string> Codes { get; }

    /// <summary>
    /// Counts every code of <see cref="Codes"/> for every city in the window (cities with nothing may be left out;
    /// they count as 0 for a code the source owns). One query per code for all cities, never one per city.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> CountAsync(IndicatorWindow window, CancellationToken ct);

    /// <summary>The records one figure counts, for one city, newest first; exactly as many as the count (for sums: the records summed).</summary>
    Task<IReadOnlyList<IndicatorRecord>> ListAsync(string code, string cityCode, IndicatorWindow window, CancellationToken ct);
}

/// <summary>
/// The period counted: records whose moment (done, decided, confirmed…) falls in [From, To). <see cref="CityCodes"/>
/// limits the cities (null: all 21). <see cref="Starts"/> and <see cref="Ends"/> give cities bounds of their own (each
/// city's open report counts from its own previous cut-off), so that one query per code still counts every city.
/// </summary>
public sealed record IndicatorWindow(DateTimeOffset From, DateTimeOffset To, IReadOnlyCollection<string>? CityCodes = null)
{
    /// <summary>Cities whose window starts after <see cref="From"/>, with their start; the others start at From.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? Starts { get; private init; }

    /// <summary>Cities whose window ends before <see cref="To"/>, with their end; the others end at To.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? Ends { get; private init; }

    public bool Includes(string cityCode) => CityCodes is null || CityCodes.Contains(cityCode);

    /// <summary>Where a city's window starts.</summary>
    public DateTimeOffset StartOf(string cityCode) => Starts is not null && Starts.TryGetValue(cityCode, out var start) ? start : From;

    /// <summary>Where a city's window ends.</summary>
    public DateTimeOffset EndOf(string cityCode) => Ends is not null && Ends.TryGetValue(cityCode, out var end) ? end : To;

    /// <summary>The cities given, each from its own start, all to <paramref name="to"/>.</summary>
    public static IndicatorWindow PerCity(IReadOnlyDictionary<string, DateTimeOffset> starts, DateTimeOffset to) =>
        PerCity(starts.ToDictionary(s => s.Key, s => (s.Value, to), StringComparer.Ordinal));

    /// <summary>The cities given, each over its own [from, to) (the earlier reports of a month, each to its cut-off).</summary>
    public static IndicatorWindow PerCity(IReadOnlyDictionary<string, (DateTimeOffset From, DateTimeOffset To)> windows)
    {
        if (windows.Count == 0) throw new ArgumentException("A window needs at least one city.", nameof(windows));
        var from = windows.Values.Min(w => w.From);
        var to = windows.Values.Max(w => w.To);
        var later = windows.Where(w => w.Value.From > from).ToDictionary(w => w.Key, w => w.Value.From, StringComparer.Ordinal);
        var earlier = windows.Where(w => w.Value.To < to).ToDictionary(w => w.Key, w => w.Value.To, StringComparer.Ordinal);
        return new IndicatorWindow(from, to, [.. windows.Keys])
        {
            Starts = later.Count == 0 ? null : later,
            Ends = earlier.Count == 0 ? null : earlier,
        };
    }

    /// <summary>One city's part of the window, from its own start.</summary>
    public IndicatorWindow Only(string cityCode) => new(StartOf(cityCode), EndOf(cityCode), [cityCode]);
}

/// <summary>One record behind a figure: what it is, a short masked description, when, and the page that opens it.</summary>
/// <param name="Kind">The record's kind as a UI string key, e.g. "Statistics.Record.Inspection".</param>
/// <param name="Id">Its id.</param>
/// <param name="Summary">A short description with personal data masked.</param>
/// <param name="At">The moment that put it in the window.</param>
/// <param name="Link">The page that opens it for the viewer, when there is one.</param>
/// <param name="Amount">What it adds to the figure when that is not 1 (a fine in 万元, a seized count…).</param>
public sealed record IndicatorRecord(string Kind, Guid Id, string Summary, DateTimeOffset At, string? Link, decimal Amount = 1m);
