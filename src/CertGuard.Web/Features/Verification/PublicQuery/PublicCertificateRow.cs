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
    /// <summary>
    /// <see cref="Certificate.StateAt"/> on these columns (the lookup reads no entity). A test holds the two equal for
    /// certificates in every state.
    /// </summary>
    public CertificateState StateOn(DateOnly today, CertificateRules rules)
    {
        var state = Status switch
        {
            CertificateStatus.Revoked => CertificateState.Revoked,
            CertificateStatus.Cancelled => CertificateState.Cancelled,
            CertificateStatus.Invalid when StatusReason == nameof(CertificateEventKind.ReviewFailed) => CertificateState.ReviewFailed,
            CertificateStatus.Invalid => CertificateState.ReviewOverdue,
            _ when today > ValidTo => CertificateState.Expired,
            _ when today > NextReviewDue => CertificateState.ReviewOverdue,
            _ => CertificateState.Valid,
        };
        var inWindow = today >= NextReviewDue.AddDays(-rules.ReviewWindowDays) && today <= NextReviewDue;
        return state == CertificateState.Valid && inWindow ? CertificateState.ReviewDue : state;
    }

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
