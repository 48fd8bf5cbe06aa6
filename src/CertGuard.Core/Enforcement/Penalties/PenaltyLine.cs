using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Enforcement.Penalties;

/// <summary>
/// One penalty of a decision, on one party: the organisation's and a person's (a holder's, or a responsible
/// manager's under Art. 97) are separate lines, each with its own rule, fine and measures.
/// </summary>
public sealed record PenaltyLine(PenaltyParty Party, string PartyName, string RuleCode, long Fine, string Measures);
