namespace CertGuard.Core.ReferenceData;

/// <summary>Who a penalty is imposed on.</summary>
public enum PenaltyParty
{
    Employer,
    /// <summary>The employer's directly responsible managers and other directly responsible persons.</summary>
    ResponsiblePerson,
    Holder,
    Institution,
}

/// <summary>
/// One violation and what the law allows for it: the measures (warning, order to correct, suspension) and the fine
/// range in CNY (null where the law sets no amount or the amount is not known yet). Several rows share a violation
/// when the law has tiers (e.g. 安全生产法 Art. 97: a fine first, a larger one if not corrected).
/// </summary>
public sealed record PenaltyRule(
    string Code,
    string Violation,
    string ViolationEn,
    PenaltyParty Party,
    string LegalBasis,
    string Measures,
    string MeasuresEn,
    long? MinimumFine,
    long? MaximumFine,
    string? Note = null)
{
    /// <summary>The discretion bands (自由裁量基准) of this rule, in the order they are tried; empty where none is set.</summary>
    public IReadOnlyList<Enforcement.Penalties.DiscretionBand> Bands { get; init; } = [];

    /// <summary>Whether <paramref name="amount"/> lies in the range (an open bound allows anything on its side).</summary>
    public bool Allows(long amount) => amount >= (MinimumFine ?? 0) && (MaximumFine is not { } max || amount <= max);
}
