using System.Globalization;
using CertGuard.Core.Catalogue;

namespace CertGuard.Core.ReferenceData;

public enum DiffSection
{
    Version,
    Rules,
    Category,
    Item,
    Penalty,
    TimeLimit,
}

public enum DiffChange
{
    Added,
    Removed,
    Changed,
}

/// <summary>One line of a difference: what (section and key), how, and the value before and after.</summary>
public sealed record DiffRow(DiffSection Section, string Key, DiffChange Change, string? Before, string? After);

/// <summary>
/// What a new version changes against another (the one in force): shown to the province office before it confirms.
/// Values are rendered as short texts so the table reads the same on the page and in the API.
/// </summary>
public static class ReferenceDataDiff
{
    public static IReadOnlyList<DiffRow> Between(ReferenceDataVersion before, ReferenceDataVersion after)
    {
        var rows = new List<DiffRow>();
        Compare(rows, DiffSection.Version, "title", before.Title, after.Title);
        Compare(rows, DiffSection.Version, "status", before.Status.ToString(), after.Status.ToString());
        Compare(rows, DiffSection.Rules, "basis", before.RulesBasis, after.RulesBasis);
        foreach (var (name, read) in RuleFields)
            Compare(rows, DiffSection.Rules, name, read(before), read(after));
        Compare(rows, DiffSection.Category, "basis", before.CatalogueBasis, after.CatalogueBasis);
        Keyed(rows, DiffSection.Category, before.Catalogue.Categories, after.Catalogue.Categories, c => c.Code, c => c.Name);
        Keyed(rows, DiffSection.Item, before.Catalogue.Items, after.Catalogue.Items, i => i.Code, Describe);
        Keyed(rows, DiffSection.Penalty, before.Penalties, after.Penalties, p => p.Code, Describe);
        // Discretion bands are shown as penalty rows keyed rule/band, so the page and the API need no new section.
        Keyed(rows, DiffSection.Penalty, Bands(before), Bands(after), b => b.Key, b => b.Text);
        Keyed(rows, DiffSection.TimeLimit, before.TimeLimits, after.TimeLimits, t => t.Code, Describe);
        return rows;
    }

    public static string Describe(OperationItem item) =>
        $"{item.Name}（{item.CategoryCode}）" + (item.Withdrawn ? " [withdrawn]" : "");

    public static string Describe(PenaltyRule p) => $"{p.Party}: {p.Measures}; {FineRange(p.MinimumFine, p.MaximumFine)}; {p.LegalBasis}";

    public static string Describe(Enforcement.Penalties.DiscretionBand b) =>
        $"{b.Name}（{b.Conditions}）: {FineRange(b.MinimumFine, b.MaximumFine)}";

    private static IEnumerable<(string Key, string Text)> Bands(ReferenceDataVersion v) =>
        v.Penalties.SelectMany(p => p.Bands.Select(b => (p.Code + "/" + b.Code, Describe(b))));

    public static string Describe(ProceduralTimeLimit t) =>
        $"{t.Step}: {t.Amount.ToString(CultureInfo.InvariantCulture)} {t.Unit.ToString().ToLowerInvariant()}; {t.LegalBasis}";

    /// <summary>"≤ 100,000", "100,000–200,000", "≥ 1,000" or "—" (CNY).</summary>
    public static string FineRange(long? min, long? max) => (min, max) switch
    {
        (null or 0, { } hi) => $"≤ {hi.ToString("N0", CultureInfo.InvariantCulture)}",
        ({ } lo, { } hi) => $"{lo.ToString("N0", CultureInfo.InvariantCulture)}–{hi.ToString("N0", CultureInfo.InvariantCulture)}",
        ({ } lo, null) => $"≥ {lo.ToString("N0", CultureInfo.InvariantCulture)}",
        _ => "—",
    };

    private static readonly (string Name, Func<ReferenceDataVersion, string> Read)[] RuleFields =
    [
        ("validityYears", v => Number(v.Rules.ValidityYears)),
        ("reviewIntervalYears", v => Number(v.Rules.ReviewIntervalYears)),
        ("extendedReviewIntervalYears", v => Number(v.Rules.ExtendedReviewIntervalYears)),
        ("reviewWindowDays", v => Number(v.Rules.ReviewWindowDays)),
        ("extendedIntervalMinimumYears", v => Number(v.Rules.ExtendedIntervalMinimumYears)),
        ("reapplicationBarYears", v => Number(v.Rules.ReapplicationBarYears)),
        ("minimumAgeAtIssue", v => Number(v.Rules.MinimumAgeAtIssue)),
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Compare(List<DiffRow> rows, DiffSection section, string key, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal)) rows.Add(new DiffRow(section, key, DiffChange.Changed, before, after));
    }

    private static void Keyed<T>(List<DiffRow> rows, DiffSection section, IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key, Func<T, string> show)
    {
        var old = before.ToDictionary(key, show, StringComparer.Ordinal);
        var now = after.ToDictionary(key, show, StringComparer.Ordinal);
        foreach (var code in old.Keys.Union(now.Keys).Order(CodeOrder.Instance))
        {
            var had = old.TryGetValue(code, out var b);
            var has = now.TryGetValue(code, out var a);
            if (had && !has) rows.Add(new DiffRow(section, code, DiffChange.Removed, b, null));
            else if (!had && has) rows.Add(new DiffRow(section, code, DiffChange.Added, null, a));
            else if (!string.Equals(a, b, StringComparison.Ordinal)) rows.Add(new DiffRow(section, code, DiffChange.Changed, b, a));
        }
    }
}
