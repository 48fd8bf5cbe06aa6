using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Enforcement.Penalties;

/// <summary>
/// Proposes the discretion band of a penalty rule for the circumstances and checks an amount against the rule's
/// legal range. Figures come from the reference data in force (the rule and its bands), never from code.
/// </summary>
public static class PenaltyAdvisor
{
    /// <summary>The code of the band proposed when no band of the rule applies: the whole legal range.</summary>
    public const string LegalRangeBand = "LEGAL-RANGE";

    /// <summary>
    /// The first band of the rule whose conditions hold, clipped to the legal range; when none holds (or the rule has
    /// no bands), the whole legal range. A rule without a known fine proposes 0–0 (no amount is invented).
    /// </summary>
    public static PenaltyProposal Propose(PenaltyRule rule, PenaltyCircumstances c)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(c);
        var (low, high) = LegalRange(rule);
        var band = rule.Bands.FirstOrDefault(b => b.When.Holds(c))
            ?? new DiscretionBand(LegalRangeBand, "法定幅度", "Legal range", "无适用的裁量档次", "No band applies", BandCondition.Always, low, high);
        var min = Math.Clamp(band.MinimumFine, low, high);
        var max = Math.Clamp(band.MaximumFine, min, high);
        return new PenaltyProposal(rule, band, min, max, rule.LegalBasis);
    }

    /// <summary>Refuses an amount outside the rule's legal range (PENALTY-OUT-OF-RANGE, with min, max and amount).</summary>
    public static void Check(PenaltyRule rule, long amount)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var (low, high) = LegalRange(rule);
        if (amount < low || amount > high)
            throw Refusal.Invalid("PENALTY-OUT-OF-RANGE", ("min", low), ("max", high), ("amount", amount));
    }

    /// <summary>
    /// The legal range in CNY: an open lower bound is 0; an open upper bound with a known lower bound is unbounded;
    /// a rule with no amount at all allows no fine (the amount is not known, so none may be imposed by this tool).
    /// </summary>
    public static (long Minimum, long Maximum) LegalRange(PenaltyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (rule.MinimumFine, rule.MaximumFine) switch
        {
            (null, null) => (0, 0),
            (var lo, null) => (lo ?? 0, long.MaxValue),
            (var lo, { } hi) => (lo ?? 0, hi),
        };
    }

    /// <summary>Checks every line against its rule (looked up in the version in force) and returns the total.</summary>
    public static long Total(IEnumerable<PenaltyLine> lines, ReferenceDataVersion rules)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rules);
        long total = 0;
        foreach (var line in lines)
        {
            var rule = rules.Penalty(line.RuleCode) ?? throw Refusal.Invalid("PENALTY-RULE-UNKNOWN", ("code", line.RuleCode));
            if (rule.Party != line.Party) throw Refusal.Invalid("PENALTY-PARTY-MISMATCH", ("code", line.RuleCode), ("party", line.Party));
            Check(rule, line.Fine);
            total = checked(total + line.Fine);
        }
        return total;
    }
}
