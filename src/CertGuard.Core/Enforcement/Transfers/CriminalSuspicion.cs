using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Inspections;

namespace CertGuard.Core.Enforcement.Transfers;

/// <summary>
/// Which cases should go to the police, and which are kept and fined instead (以罚代刑, 有案不移). Forging, altering,
/// buying or selling a state organ's certificate (刑法第280条) has no amount threshold, so a case whose violations are a
/// forged or altered certificate or a sale of certificates, or whose leads came from an inspection finding of a fake or
/// altered certificate, is a suspected crime in itself.
/// </summary>
public static class CriminalSuspicion
{
    /// <summary>The penalty rules (order 30 / order 19) whose violation is a forged, altered or sold certificate.</summary>
    public static IReadOnlyList<string> ViolationCodes { get; } = ["HOLDER-FORGED-CERTIFICATE", "EMPLOYER-FORGED-CERTIFICATES"];

    /// <summary>The inspection findings that are a forged or altered certificate.</summary>
    public static IReadOnlyList<FindingType> FindingTypes { get; } = [FindingType.FakeCertificate, FindingType.Altered];

    /// <summary>True when the case is a suspected crime (its violations, or a lead from a fake/altered finding).</summary>
    public static bool Applies(EnforcementCase c, IReadOnlySet<Guid> suspectLeadIds)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(suspectLeadIds);
        return c.ViolationCodes.Any(v => ViolationCodes.Contains(v)) || c.LeadIds.Any(suspectLeadIds.Contains);
    }

    /// <summary>
    /// A possible 以罚代刑: a suspected crime decided (with a fine) or closed, with no transfer sent to the police and no
    /// reason not to transfer approved by the agency head (a refused transfer report). Resolved by either.
    /// </summary>
    public static bool Flagged(EnforcementCase c, IReadOnlySet<Guid> suspectLeadIds, IEnumerable<CaseTransfer> transfersOfCase)
    {
        ArgumentNullException.ThrowIfNull(transfersOfCase);
        if (!Applies(c, suspectLeadIds)) return false;
        if (c.DecidedAt is null && !c.IsClosed) return false;
        return !transfersOfCase.Any(t => t.CaseId == c.Id && (t.IsSent || t.State == TransferState.Refused));
    }
}
