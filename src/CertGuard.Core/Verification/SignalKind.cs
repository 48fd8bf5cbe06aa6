namespace CertGuard.Core.Verification;

/// <summary>What a signal suspects. Each has a plain-Chinese explanation where officials see it.</summary>
public enum SignalKind
{
    /// <summary>One certificate checked by, or on the rosters of, two or more employers in overlapping periods (转借/转让).</summary>
    SharedAcrossEmployers,
    /// <summary>A real number queried under another name (冒用), counted per number.</summary>
    NameMismatch,
    /// <summary>A number or card whose form no real certificate has (ID check character, age at first issue, item outside its category …).</summary>
    ForgedForm,
    /// <summary>Many not-found queries from one origin: a forger testing numbers, or a scraper.</summary>
    NotFoundBurst,
    /// <summary>A certificate presented at review (复审) that the registry does not hold.</summary>
    UnregisteredAtReview,
    /// <summary>
    /// Many misses (not-found, name-mismatch) in one organisation's roster checks or review checks: probing numbers or
    /// names through the channels meant for its own workers and applicants. The subject is the organisation's name.
    /// </summary>
    OrganisationMisses,
}
