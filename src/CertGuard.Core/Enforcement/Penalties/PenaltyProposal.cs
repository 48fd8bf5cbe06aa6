using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Enforcement.Penalties;

/// <summary>What the decision form proposes: the rule, the band that applies, its fine range and the legal basis.</summary>
public sealed record PenaltyProposal(PenaltyRule Rule, DiscretionBand Band, long Minimum, long Maximum, string LegalBasis);
