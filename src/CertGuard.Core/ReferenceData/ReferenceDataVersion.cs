using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;

namespace CertGuard.Core.ReferenceData;

/// <summary>
/// One version of the rules held as dated data: the certificate rules, the catalogue, the penalties and the
/// procedural clocks of the instruments in force from <see cref="EffectiveFrom"/> (UTC+8) until the next version.
/// </summary>
public sealed class ReferenceDataVersion
{
    private readonly Dictionary<string, PenaltyRule> _penalties;
    private readonly Dictionary<string, ProceduralTimeLimit> _timeLimits;

    public ReferenceDataVersion(
        string key, string title, string? titleEn, DateOnly effectiveFrom, ReferenceDataStatus status, string? note,
        string rulesBasis, CertificateRules rules, string catalogueBasis, OperationCatalogue catalogue,
        IReadOnlyList<PenaltyRule> penalties, IReadOnlyList<ProceduralTimeLimit> timeLimits, ReferenceDataDocument document)
    {
        Key = key;
        Title = title;
        TitleEn = titleEn;
        EffectiveFrom = effectiveFrom;
        Status = status;
        Note = note;
        RulesBasis = rulesBasis;
        Rules = rules;
        CatalogueBasis = catalogueBasis;
        Catalogue = catalogue;
        Penalties = penalties;
        TimeLimits = timeLimits;
        Document = document;
        _penalties = penalties.ToDictionary(p => p.Code, StringComparer.Ordinal);
        _timeLimits = timeLimits.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    /// <summary>A short unique name, e.g. <c>order-30</c>.</summary>
    public string Key { get; }

    public string Title { get; }

    public string? TitleEn { get; }

    /// <summary>The first day (UTC+8) this version decides.</summary>
    public DateOnly EffectiveFrom { get; }

    public ReferenceDataStatus Status { get; }

    public string? Note { get; }

    public string RulesBasis { get; }

    public CertificateRules Rules { get; }

    public string CatalogueBasis { get; }

    public OperationCatalogue Catalogue { get; }

    public IReadOnlyList<PenaltyRule> Penalties { get; }

    public IReadOnlyList<ProceduralTimeLimit> TimeLimits { get; }

    /// <summary>The document this version was read from, as stored and as offered for download.</summary>
    public ReferenceDataDocument Document { get; }

    public PenaltyRule? Penalty(string code) => _penalties.GetValueOrDefault(code);

    public ProceduralTimeLimit? TimeLimit(string code) => _timeLimits.GetValueOrDefault(code);
}
