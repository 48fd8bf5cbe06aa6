using System.ComponentModel.DataAnnotations;

namespace CertGuard.Data.Verification;

/// <summary>The <c>Verification:Signals</c> configuration section: the thresholds of each signal rule.</summary>
public sealed class SignalOptions
{
    public const string Section = "Verification:Signals";

    /// <summary>Checks by two employers this close together count as overlapping employment (转借/转让).</summary>
    [Range(1, 3650)]
    public int SharedWithinDays { get; set; } = 180;

    /// <summary>Mismatching names for one real number, within <see cref="NameMismatchWithinDays"/>, that open a signal.</summary>
    [Range(1, 3650)]
    public int NameMismatchThreshold { get; set; } = 1;

    [Range(1, 3650)]
    public int NameMismatchWithinDays { get; set; } = 90;

    /// <summary>Not-found queries from one origin within <see cref="NotFoundBurstWindow"/> that open a signal.</summary>
    [Range(1, 3650)]
    public int NotFoundBurstThreshold { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan NotFoundBurstWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Misses (not-found, name-mismatch) in one organisation's roster and review checks within
    /// <see cref="OrganisationMissWindow"/> that open an <c>OrganisationMisses</c> signal.</summary>
    public int OrganisationMissThreshold { get; set; } = 100;

    public TimeSpan OrganisationMissWindow { get; set; } = TimeSpan.FromDays(1);
}
