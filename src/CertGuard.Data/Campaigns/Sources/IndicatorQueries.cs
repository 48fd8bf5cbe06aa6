using CertGuard.Core.Holders;
using CertGuard.Data.Accounts;

namespace CertGuard.Data.Campaigns.Sources;

/// <summary>
/// What the sources of the statistics table share: the figures of one query per code put together per city, the
/// masks for the summaries, and the city a scoped actor may count where an entity carries no query filter of its own.
/// </summary>
internal static class IndicatorQueries
{
    /// <summary>Per city, per code, from the (city, value) rows of one query per code.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> ByCity(
        IEnumerable<(string Code, IEnumerable<(string City, decimal Value)> Rows)> figures)
    {
        var result = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var (code, rows) in figures)
            foreach (var (city, value) in rows)
            {
                if (!result.TryGetValue(city, out var values)) result[city] = values = new Dictionary<string, decimal>(StringComparer.Ordinal);
                values[code] = values.GetValueOrDefault(code) + value;
            }
        return result.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, decimal>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The one city a city-level actor may count, for entities the context does not filter (the verification log,
    /// organisations); null for the province and the platform. An organisation account counts nothing of other cities.
    /// </summary>
    public static string? ScopeCity(this IActor actor) => actor.Scope?.CityCode;

    /// <summary>张** for a person's name in a summary.</summary>
    public static string Name(string? name) => Tips.TipReport.MaskName(name) ?? "";

    /// <summary>4401**********123X for a certificate (ID) number in a summary.</summary>
    public static string Number(string? number) => number is { Length: > 0 } n ? ResidentIdNumber.Mask(n) : "";

    public static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static IReadOnlyList<IndicatorRecord> NewestFirst(this IEnumerable<IndicatorRecord> records) =>
        [.. records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)];

    /// <summary>A code this source does not count: a caller's mistake, not a refusal.</summary>
    public static ArgumentOutOfRangeException NotMine(string code) => new(nameof(code), code, "This source does not count that indicator code.");
}
