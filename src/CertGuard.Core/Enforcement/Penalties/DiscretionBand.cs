namespace CertGuard.Core.Enforcement.Penalties;

/// <summary>
/// One discretion band (自由裁量档次) of a penalty rule: when it applies (<see cref="When"/>, described in
/// <see cref="Conditions"/>) and the fine range it proposes, always inside the rule's legal range. Bands are dated
/// reference data, in the order they are tried.
/// </summary>
public sealed record DiscretionBand(
    string Code,
    string Name,
    string NameEn,
    string Conditions,
    string ConditionsEn,
    BandCondition When,
    long MinimumFine,
    long MaximumFine);

/// <summary>
/// The machine-readable test of a band: every condition given must hold; a null condition does not matter.
/// Workers are counted inclusive (<see cref="MinWorkers"/> ≤ workers ≤ <see cref="MaxWorkers"/>).
/// </summary>
public sealed record BandCondition(
    bool? FirstOffence = null,
    int? MinWorkers = null,
    int? MaxWorkers = null,
    bool? CorrectedInTime = null,
    bool? MajorHiddenHazard = null)
{
    public static BandCondition Always { get; } = new();

    public bool Holds(PenaltyCircumstances c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (FirstOffence is not { } first || first == c.FirstOffence)
            && (MinWorkers is not { } min || c.Workers >= min)
            && (MaxWorkers is not { } max || c.Workers <= max)
            && (CorrectedInTime is not { } corrected || corrected == c.CorrectedInTime)
            && (MajorHiddenHazard is not { } hazard || hazard == c.MajorHiddenHazard);
    }
}
