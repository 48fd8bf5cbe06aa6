using System.Reflection;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;

namespace CertGuard.Core.ReferenceData;

/// <summary>
/// Every version of the reference data, ordered by effective date. The version in force on a date decides: the last
/// one whose effective date is on or before it (a date before the first version falls to the first).
/// Immutable: a new version makes a new set, so readers share one without locks.
/// </summary>
public sealed class ReferenceDataSet
{
    private readonly ReferenceDataVersion[] _versions;
    private readonly DateOnly[] _starts;

    public ReferenceDataSet(IEnumerable<ReferenceDataVersion> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        if (_versions.Length == 0) throw new ArgumentException("A reference data set needs at least one version.", nameof(versions));
        if (_versions.Select(v => v.EffectiveFrom).Distinct().Count() != _versions.Length)
            throw new ArgumentException("Two versions take effect on the same day.", nameof(versions));
        _starts = _versions.Select(v => v.EffectiveFrom).ToArray();
        AllItems = OperationCatalogue.Union(_versions.Reverse().Select(v => v.Catalogue));
    }

    /// <summary>The versions shipped in this assembly (ReferenceData/rules/*.json): order 30, then order 19 (to be confirmed).</summary>
    public static ReferenceDataSet Shipped { get; } = LoadShipped();

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ReferenceDataVersion> Versions => _versions;

    public ReferenceDataVersion Latest => _versions[^1];

    /// <summary>Every item any version knows, newest names first: for names, not for deciding what may be issued.</summary>
    public OperationCatalogue AllItems { get; }

    public ReferenceDataVersion InForce(DateOnly date)
    {
        var i = Array.BinarySearch(_starts, date);
        // Not found: ~i is the first start after the date; the one before it is in force.
        var index = i >= 0 ? i : Math.Max(0, ~i - 1);
        return _versions[index];
    }

    public CertificateRules RulesOn(DateOnly date) => InForce(date).Rules;

    public OperationCatalogue CatalogueOn(DateOnly date) => InForce(date).Catalogue;

    /// <summary>The last day <paramref name="version"/> decides, or null while no later version follows it.</summary>
    public DateOnly? InForceUntil(ReferenceDataVersion version)
    {
        var i = Array.IndexOf(_versions, version);
        return i >= 0 && i + 1 < _versions.Length ? _versions[i + 1].EffectiveFrom.AddDays(-1) : null;
    }

    public ReferenceDataVersion? Find(string key) => _versions.FirstOrDefault(v => v.Key == key);

    public ReferenceDataSet With(IEnumerable<ReferenceDataVersion> added) => new(_versions.Concat(added));

    private static ReferenceDataSet LoadShipped()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "CertGuard.Core.ReferenceData.rules.";
        var versions = new List<ReferenceDataVersion>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var document = ReferenceDataDocument.Parse(reader.ReadToEnd());
            versions.Add(ReferenceDataValidator.Build(document));
        }
        return new ReferenceDataSet(versions);
    }
}
