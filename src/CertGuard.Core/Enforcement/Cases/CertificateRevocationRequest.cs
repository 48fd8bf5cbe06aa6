using CertGuard.Core.Auditing;
using CertGuard.Core.Certificates;

namespace CertGuard.Core.Enforcement.Cases;

public enum RevocationRequestStatus
{
    /// <summary>Waiting for the issuing authority.</summary>
    Pending,
    /// <summary>The authority revoked the certificate (the registry's revocation, with its 3-year bar).</summary>
    Approved,
    /// <summary>The authority declined, with its reason.</summary>
    Declined,
}

/// <summary>Why a case asks for revocation.</summary>
public enum RevocationGround
{
    /// <summary>The certificate was obtained by fraud or bribery (以欺骗、贿赂等不正当手段取得).</summary>
    ObtainedByFraud,
    /// <summary>A forged certificate was made in the name of this real holder's certificate (假证冒用真实持证人).</summary>
    ForgedInRealHoldersName,
}

/// <summary>
/// A case's decision asks the issuing authority of a certificate (its city) to revoke it (撤销建议). The authority
/// approves (the registry's revocation runs) or declines with a reason; the case shows the outcome.
/// </summary>
[Audited]
public sealed class CertificateRevocationRequest
{
    public const int TextMaxLength = 500;

    private CertificateRevocationRequest()
    {
        RegionCode = CertificateNumber = CaseRegionCode = RequestedBy = Note = "";
    }

    public CertificateRevocationRequest(Guid caseId, string caseRegionCode, Guid certificateId, string certificateNumber, string regionCode,
        RevocationGround ground, string note, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        CaseRegionCode = caseRegionCode;
        CertificateId = certificateId;
        CertificateNumber = certificateNumber;
        RegionCode = regionCode;
        Ground = ground;
        Note = note.Length > TextMaxLength ? note[..TextMaxLength] : note;
        RequestedBy = by;
        RequestedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The city whose case asks.</summary>
    public string CaseRegionCode { get; private set; }

    public Guid CertificateId { get; private set; }

    public string CertificateNumber { get; private set; }

    /// <summary>The city of the issuing authority, which decides.</summary>
    public string RegionCode { get; private set; }

    public RevocationGround Ground { get; private set; }

    public string Note { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public RevocationRequestStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    public int Version { get; private set; }

    /// <summary>The registry's ground for the revocation this asks for.</summary>
    public RevocationReason Reason => Ground == RevocationGround.ObtainedByFraud ? RevocationReason.FraudOrBribery : RevocationReason.FalseInformation;

    public void Approve(string by, DateTimeOffset at)
    {
        RequirePending();
        (Status, DecidedBy, DecidedAt) = (RevocationRequestStatus.Approved, by, at);
        Version++;
    }

    public void Decline(string reason, string by, DateTimeOffset at)
    {
        RequirePending();
        var why = reason.Trim();
        if (why.Length == 0) throw Refusal.Invalid("REVOCATION-REQUEST-REASON-REQUIRED");
        (Status, DecidedBy, DecidedAt, DeclineReason) = (RevocationRequestStatus.Declined, by, at, why.Length > TextMaxLength ? why[..TextMaxLength] : why);
        Version++;
    }

    private void RequirePending()
    {
        if (Status != RevocationRequestStatus.Pending) throw Refusal.Conflict("REVOCATION-REQUEST-DECIDED");
    }
}
