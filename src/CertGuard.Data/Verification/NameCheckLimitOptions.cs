namespace CertGuard.Data.Verification;

/// <summary>
/// The <c>Verification:NameChecks</c> section: how much an organisation may learn from the roster check and the check
/// at review about numbers that are not its workers' (docs/signals.md, "Existence and name oracles"). A "miss" is a
/// check that found no certificate under the number (not-found) or found one under another name (name-mismatch).
/// </summary>
public sealed class NameCheckLimitOptions
{
    public const string Section = "Verification:NameChecks";

    /// <summary>Name mismatches one organisation may have on one number (its certificates) within a day: past them, a
    /// name guessed for that number is no longer answered.</summary>
    public int MismatchesPerNumberPerDay { get; set; } = 3;

    /// <summary>Misses one organisation may have within an hour: past them, not-found and name-mismatch are no longer
    /// told apart (roster) or the check is refused until the hour has passed (review).</summary>
    public int MissesPerOrganisationPerHour { get; set; } = 200;

    /// <summary>At most this long, a check waits for the verification log to store earlier checks before counting.</summary>
    public TimeSpan LogWait { get; set; } = TimeSpan.FromSeconds(2);
}
