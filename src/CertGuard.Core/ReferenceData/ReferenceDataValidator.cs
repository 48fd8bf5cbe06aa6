using System.Text.RegularExpressions;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Enforcement.Penalties;

namespace CertGuard.Core.ReferenceData;

/// <summary>
/// Checks a reference data document and builds its version; refuses with the first problem found, naming the field.
/// <see cref="Build"/> checks the document on its own (shipped versions pass it at start); <see cref="CheckUpload"/>
/// adds what a new version must respect against the versions already held.
/// </summary>
public static partial class ReferenceDataValidator
{
    public const int TextMaxLength = 500;

    private const long FineCeiling = 100_000_000;

    public static ReferenceDataVersion Build(ReferenceDataDocument d)
    {
        if (d.Format != ReferenceDataDocument.FormatName)
            throw Refusal.Invalid("REFDATA-FORMAT", ("reason", $"format ≠ {ReferenceDataDocument.FormatName}"));
        var key = Text(d.Key, "key");
        if (!KeyPattern().IsMatch(key)) throw Refusal.Invalid("REFDATA-CODE-MALFORMED", ("field", "key"), ("code", key));
        var title = Text(d.Title, "title");
        var effective = d.EffectiveFrom ?? throw Missing("effectiveFrom");
        var status = d.Status ?? throw Missing("status");

        var r = d.CertificateRules ?? throw Missing("certificateRules");
        var validity = Range(r.ValidityYears, "certificateRules.validityYears", 1, 20);
        var review = Range(r.ReviewIntervalYears, "certificateRules.reviewIntervalYears", 1, validity);
        var rules = new CertificateRules
        {
            ValidityYears = validity,
            ReviewIntervalYears = review,
            ExtendedReviewIntervalYears = Range(r.ExtendedReviewIntervalYears, "certificateRules.extendedReviewIntervalYears", review, validity),
            ReviewWindowDays = Range(r.ReviewWindowDays, "certificateRules.reviewWindowDays", 1, 365),
            ExtendedIntervalMinimumYears = Range(r.ExtendedIntervalMinimumYears, "certificateRules.extendedIntervalMinimumYears", 1, 50),
            ReapplicationBarYears = Range(r.ReapplicationBarYears, "certificateRules.reapplicationBarYears", 0, 20),
            MinimumAgeAtIssue = Range(r.MinimumAgeAtIssue, "certificateRules.minimumAgeAtIssue", 16, 30),
        };

        var c = d.Catalogue ?? throw Missing("catalogue");
        var catalogue = Catalogue(c);
        var penalties = (d.Penalties ?? throw Missing("penalties")).Select(Penalty).ToList();
        Unique(penalties.Select(p => p.Code));
        var limits = (d.TimeLimits ?? throw Missing("timeLimits")).Select(TimeLimit).ToList();
        Unique(limits.Select(t => t.Code));

        return new ReferenceDataVersion(key, title, Optional(d.TitleEn, "titleEn"), effective, status, Optional(d.Note, "note"),
            Text(r.Basis, "certificateRules.basis"), rules, Text(c.Basis, "catalogue.basis"), catalogue, penalties, limits, d);
    }

    /// <summary>
    /// A version the province office uploads: well formed, new, taking effect after every version held and after
    /// today (rules never change behind decisions already made), and keeping every item a live certificate holds
    /// (listed, or listed as withdrawn).
    /// </summary>
    public static ReferenceDataVersion CheckUpload(ReferenceDataDocument document, ReferenceDataSet held, DateOnly today, IReadOnlyCollection<string> itemsInUse)
    {
        var version = Build(document);
        if (held.Find(version.Key) is not null) throw Refusal.Conflict("REFDATA-KEY-TAKEN", ("key", version.Key));
        var after = held.Latest.EffectiveFrom > today ? held.Latest.EffectiveFrom : today;
        if (version.EffectiveFrom <= after)
            throw Refusal.Invalid("REFDATA-EFFECTIVE-DATE", ("date", version.EffectiveFrom.ToString("yyyy-MM-dd", null)), ("after", after.ToString("yyyy-MM-dd", null)));
        var removed = itemsInUse.Where(code => version.Catalogue.FindItem(code) is null).Order(CodeOrder.Instance).FirstOrDefault();
        if (removed is not null) throw Refusal.Invalid("REFDATA-ITEM-IN-USE", ("code", removed));
        return version;
    }

    private static OperationCatalogue Catalogue(CatalogueDocument c)
    {
        var categories = new List<OperationCategory>();
        var items = new List<OperationItem>();
        foreach (var category in c.Categories ?? throw Missing("catalogue.categories"))
        {
            var code = Text(category.Code, "catalogue.categories.code");
            if (!CategoryPattern().IsMatch(code)) throw Refusal.Invalid("REFDATA-CODE-MALFORMED", ("field", "catalogue.categories.code"), ("code", code));
            categories.Add(new OperationCategory(code, Text(category.Name, $"catalogue.categories[{code}].name")));
            var own = category.Items ?? [];
            if (own.Count == 0) throw Missing($"catalogue.categories[{code}].items");
            foreach (var item in own)
            {
                var itemCode = Text(item.Code, $"catalogue.categories[{code}].items.code");
                if (!ItemPattern().IsMatch(itemCode) || !itemCode.StartsWith(code + ".", StringComparison.Ordinal))
                    throw Refusal.Invalid("REFDATA-CODE-MALFORMED", ("field", $"catalogue.categories[{code}].items.code"), ("code", itemCode));
                items.Add(new OperationItem(itemCode, Text(item.Name, $"catalogue.items[{itemCode}].name"), code, item.Withdrawn));
            }
        }
        if (categories.Count == 0) throw Missing("catalogue.categories");
        Unique(categories.Select(x => x.Code));
        Unique(items.Select(x => x.Code));
        return new OperationCatalogue(categories, items);
    }

    private static PenaltyRule Penalty(PenaltyDocument p)
    {
        var code = Text(p.Code, "penalties.code");
        if (!RuleCodePattern().IsMatch(code)) throw Refusal.Invalid("REFDATA-CODE-MALFORMED", ("field", "penalties.code"), ("code", code));
        var field = $"penalties[{code}]";
        long? min = p.MinimumFine is { } lo ? Range(lo, field + ".minimumFine") : null;
        long? max = p.MaximumFine is { } hi ? Range(hi, field + ".maximumFine") : null;
        if (min is { } a && max is { } b && a > b)
            throw Refusal.Invalid("REFDATA-RANGE", ("field", field + ".minimumFine"), ("value", a), ("min", 0), ("max", b));
        var bands = (p.Bands ?? []).Select(b => Band(b, field, min, max)).ToList();
        Unique(bands.Select(b => code + "/" + b.Code));
        return new PenaltyRule(code, Text(p.Violation, field + ".violation"), Text(p.ViolationEn, field + ".violationEn"),
            p.Party ?? throw Missing(field + ".party"), Text(p.LegalBasis, field + ".legalBasis"), Text(p.Measures, field + ".measures"),
            Text(p.MeasuresEn, field + ".measuresEn"), min, max, Optional(p.Note, field + ".note")) { Bands = bands };
    }

    /// <summary>A discretion band: its own range inside the rule's (a rule without a fine has no bands).</summary>
    private static DiscretionBand Band(BandDocument b, string rule, long? ruleMin, long? ruleMax)
    {
        var code = Text(b.Code, rule + ".bands.code");
        if (!RuleCodePattern().IsMatch(code)) throw Refusal.Invalid("REFDATA-CODE-MALFORMED", ("field", rule + ".bands.code"), ("code", code));
        var field = $"{rule}.bands[{code}]";
        var low = ruleMin ?? 0;
        var high = ruleMax ?? FineCeiling;
        if (ruleMin is null && ruleMax is null) high = 0;
        var min = Range(b.MinimumFine ?? throw Missing(field + ".minimumFine"), field + ".minimumFine");
        var max = Range(b.MaximumFine ?? throw Missing(field + ".maximumFine"), field + ".maximumFine");
        if (min < low || min > high) throw Refusal.Invalid("REFDATA-RANGE", ("field", field + ".minimumFine"), ("value", min), ("min", low), ("max", high));
        if (max < min || max > high) throw Refusal.Invalid("REFDATA-RANGE", ("field", field + ".maximumFine"), ("value", max), ("min", min), ("max", high));
        var w = b.When ?? new BandWhenDocument();
        int? minWorkers = w.MinWorkers is { } lo ? Range(lo, field + ".when.minWorkers", 0, 100_000) : null;
        int? maxWorkers = w.MaxWorkers is { } hi ? Range(hi, field + ".when.maxWorkers", minWorkers ?? 0, 100_000) : null;
        return new DiscretionBand(code, Text(b.Name, field + ".name"), Text(b.NameEn, field + ".nameEn"),
            Text(b.Conditions, field + ".conditions"), Text(b.ConditionsEn, field + ".conditionsEn"),
            new BandCondition(w.FirstOffence, minWorkers, maxWorkers, w.CorrectedInTime, w.MajorHiddenHazard), min, max);
    }

    private static ProceduralTimeLimit TimeLimit(TimeLimitDocument t)
    {
        var code = Text(t.Code, "timeLimits.code");
        if (!RuleCodePattern().IsMatch(code)) throw Refusal.Invalid("REFDATA-CODE-MALFORMED", ("field", "timeLimits.code"), ("code", code));
        var field = $"timeLimits[{code}]";
        var unit = t.Unit ?? throw Missing(field + ".unit");
        var amount = Range(t.Amount, field + ".amount", 1, unit switch { TimeLimitUnit.Hours => 720, TimeLimitUnit.Days => 3650, _ => 30 });
        return new ProceduralTimeLimit(code, Text(t.Step, field + ".step"), Text(t.StepEn, field + ".stepEn"), amount, unit,
            Text(t.LegalBasis, field + ".legalBasis"), Optional(t.Note, field + ".note"));
    }

    private static void Unique(IEnumerable<string> codes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
            if (!seen.Add(code)) throw Refusal.Invalid("REFDATA-CODE-DUPLICATE", ("code", code));
    }

    private static string Text(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Missing(field);
        return Optional(value, field)!;
    }

    private static string? Optional(string? value, string field)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        // Texts end up in pages, exports and decisions: no control characters, no bidi overrides, bounded.
        if (trimmed.Length > TextMaxLength || trimmed.Any(ch => char.IsControl(ch) || ch is '\u202A' or '\u202B' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068'))
            throw Refusal.Invalid("REFDATA-TEXT", ("field", field), ("max", TextMaxLength));
        return trimmed;
    }

    private static int Range(int? value, string field, int min, int max)
    {
        var v = value ?? throw Missing(field);
        if (v < min || v > max) throw Refusal.Invalid("REFDATA-RANGE", ("field", field), ("value", v), ("min", min), ("max", max));
        return v;
    }

    private static long Range(long value, string field)
    {
        if (value < 0 || value > FineCeiling)
            throw Refusal.Invalid("REFDATA-RANGE", ("field", field), ("value", value), ("min", 0), ("max", FineCeiling));
        return value;
    }

    private static DomainRuleException Missing(string field) => Refusal.Invalid("REFDATA-FIELD-MISSING", ("field", field));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[1-9][0-9]?$")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex(@"^[1-9][0-9]?\.[1-9][0-9]?$")]
    private static partial Regex ItemPattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    private static partial Regex RuleCodePattern();
}
