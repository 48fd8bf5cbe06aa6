using CertGuard.Core.ReferenceData;
using CertGuard.Data.ReferenceData;

namespace CertGuard.Web.Features.ReferenceData;

/// <summary>A version in the list: when it decides, and where it came from.</summary>
public sealed record VersionSummary(
    string Key, string Title, string? TitleEn, DateOnly EffectiveFrom, DateOnly? InForceUntil, string Status, string Source,
    bool InForceToday, string? Sha256, string? LoadedBy, DateTimeOffset? LoadedAt)
{
    public static IReadOnlyList<VersionSummary> List(ReferenceDataSet set, IReadOnlyList<ReferenceDataRecord> records, DateOnly today)
    {
        var loaded = records.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var inForce = set.InForce(today);
        return set.Versions.Select(v =>
        {
            var record = loaded.GetValueOrDefault(v.Key);
            return new VersionSummary(v.Key, v.Title, v.TitleEn, v.EffectiveFrom, set.InForceUntil(v), StatusName(v.Status),
                record is null ? "shipped" : "loaded", ReferenceEquals(v, inForce), record?.Sha256, record?.LoadedBy, record?.LoadedAt);
        }).Reverse().ToList();
    }

    public static string StatusName(ReferenceDataStatus status) => status == ReferenceDataStatus.ToBeConfirmed ? "to-be-confirmed" : "confirmed";
}

public sealed record RulesView(
    string Basis, int ValidityYears, int ReviewIntervalYears, int ExtendedReviewIntervalYears, int ReviewWindowDays,
    int ExtendedIntervalMinimumYears, int ReapplicationBarYears, int MinimumAgeAtIssue);

public sealed record ItemView(string Code, string Name, bool Withdrawn);

public sealed record CategoryView(string Code, string Name, IReadOnlyList<ItemView> Items);

public sealed record CatalogueView(string Basis, IReadOnlyList<CategoryView> Categories);

public sealed record PenaltyView(
    string Code, string Violation, string ViolationEn, string Party, string LegalBasis, string Measures, string MeasuresEn,
    long? MinimumFine, long? MaximumFine, string Range, string? Note, IReadOnlyList<BandView> Bands)
{
    public static PenaltyView From(PenaltyRule p) => new(p.Code, p.Violation, p.ViolationEn, Kebab(p.Party.ToString()), p.LegalBasis,
        p.Measures, p.MeasuresEn, p.MinimumFine, p.MaximumFine, ReferenceDataDiff.FineRange(p.MinimumFine, p.MaximumFine), p.Note,
        p.Bands.Select(BandView.From).ToList());

    private static string Kebab(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}

/// <summary>A discretion band of a penalty: when it applies (null conditions do not matter) and its fine range.</summary>
public sealed record BandView(
    string Code, string Name, string NameEn, string Conditions, string ConditionsEn,
    bool? FirstOffence, int? MinWorkers, int? MaxWorkers, bool? CorrectedInTime, bool? MajorHiddenHazard,
    long MinimumFine, long MaximumFine, string Range)
{
    public static BandView From(Core.Enforcement.Penalties.DiscretionBand b) => new(b.Code, b.Name, b.NameEn, b.Conditions, b.ConditionsEn,
        b.When.FirstOffence, b.When.MinWorkers, b.When.MaxWorkers, b.When.CorrectedInTime, b.When.MajorHiddenHazard,
        b.MinimumFine, b.MaximumFine, ReferenceDataDiff.FineRange(b.MinimumFine, b.MaximumFine));
}

public sealed record TimeLimitView(string Code, string Step, string StepEn, int Amount, string Unit, string LegalBasis, string? Note);

/// <summary>A version in full: what decides on a date.</summary>
public sealed record VersionView(
    string Key, string Title, string? TitleEn, DateOnly EffectiveFrom, DateOnly? InForceUntil, string Status, string? Note,
    RulesView Rules, CatalogueView Catalogue, IReadOnlyList<PenaltyView> Penalties, IReadOnlyList<TimeLimitView> TimeLimits)
{
    public static VersionView From(ReferenceDataVersion v, DateOnly? until) => new(
        v.Key, v.Title, v.TitleEn, v.EffectiveFrom, until, VersionSummary.StatusName(v.Status), v.Note,
        new RulesView(v.RulesBasis, v.Rules.ValidityYears, v.Rules.ReviewIntervalYears, v.Rules.ExtendedReviewIntervalYears,
            v.Rules.ReviewWindowDays, v.Rules.ExtendedIntervalMinimumYears, v.Rules.ReapplicationBarYears, v.Rules.MinimumAgeAtIssue),
        new CatalogueView(v.CatalogueBasis, v.Catalogue.Categories.Select(c => new CategoryView(c.Code, c.Name,
            v.Catalogue.ItemsOf(c.Code).Select(i => new ItemView(i.Code, i.Name, i.Withdrawn)).ToList())).ToList()),
        v.Penalties.Select(PenaltyView.From).ToList(),
        v.TimeLimits.Select(t => new TimeLimitView(t.Code, t.Step, t.StepEn, t.Amount, t.Unit.ToString().ToLowerInvariant(), t.LegalBasis, t.Note)).ToList());
}

public sealed record ChangeView(string Section, string Key, string Change, string? Before, string? After);

/// <summary>A preview (or a confirmed load): the new version, the one it is compared with, and every difference.</summary>
public sealed record PreviewView(string Key, string Title, DateOnly EffectiveFrom, string Status, string Against, IReadOnlyList<ChangeView> Changes)
{
    public static PreviewView From(ReferenceDataPreview p) => new(p.Version.Key, p.Version.Title, p.Version.EffectiveFrom,
        VersionSummary.StatusName(p.Version.Status), p.Against.Key,
        p.Changes.Select(c => new ChangeView(SectionName(c.Section), c.Key, c.Change.ToString().ToLowerInvariant(), c.Before, c.After)).ToList());

    public static string SectionName(DiffSection section) => section switch
    {
        DiffSection.TimeLimit => "time-limit",
        _ => section.ToString().ToLowerInvariant(),
    };
}

public sealed record PenaltyRulesView(string Version, string Title, DateOnly Date, IReadOnlyList<PenaltyView> Penalties);
