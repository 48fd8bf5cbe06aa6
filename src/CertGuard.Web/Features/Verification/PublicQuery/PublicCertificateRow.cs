using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// The columns of one certificate the public answer needs, and nothing else (no employer, no status-list slot):
/// what the single lookup reads.
/// </summary>
public sealed record PublicCertificateRow(
    Guid Id,
    string Number,
    string HolderName,
    Sex HolderSex,
    string CategoryCode,
    string ItemCode,
    DateOnly FirstIssuedOn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateOnly NextReviewDue,
    string RegionCode,
    CertificateStatus Status,
    DateOnly? StatusChangedOn,
    string? StatusReason,
    string? AuthorityName)
{
    /// <summary><see cref="CertificateStates.Of"/> on these columns (the lookup reads no entity).</summary>
    public CertificateState StateOn(DateOnly today, CertificateRules rules) =>
        CertificateStates.Of(Status, StatusReason, ValidTo, NextReviewDue, today, rules);

    /// <summary>The day that goes with the state: when it ended, lapsed or falls due; none while simply valid.</summary>
    public DateOnly? StateDate(CertificateState state) => state switch
    {
        CertificateState.Revoked or CertificateState.Cancelled or CertificateState.ReviewFailed => StatusChangedOn,
        CertificateState.ReviewOverdue => Status == CertificateStatus.Invalid ? StatusChangedOn ?? NextReviewDue : NextReviewDue,
        CertificateState.Expired => ValidTo,
        CertificateState.ReviewDue => NextReviewDue,
        _ => null,
    };
}
