namespace CertGuard.Core.Enforcement.Penalties;

/// <summary>
/// The facts the discretion bands look at: a first offence or not (初次/多次), how many workers are concerned, whether
/// the party corrected in time (及时改正) and whether the violation is a major hidden hazard (重大事故隐患).
/// </summary>
public sealed record PenaltyCircumstances(bool FirstOffence, int Workers, bool CorrectedInTime, bool MajorHiddenHazard);
