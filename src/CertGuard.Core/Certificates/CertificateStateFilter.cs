using System.Linq.Expressions;

namespace CertGuard.Core.Certificates;

/// <summary>
/// The state of <see cref="Certificate.StateAt"/> as a predicate a database can run: the state is derived from
/// dates, so filtering by it means comparing those dates with today.
/// </summary>
public static class CertificateStateFilter
{
    public static Expression<Func<Certificate, bool>> For(CertificateState state, DateOnly today, CertificateRules rules)
    {
        var windowOpensBefore = today.AddDays(rules.ReviewWindowDays);
        const CertificateStatus active = CertificateStatus.Active;
        const CertificateStatus invalid = CertificateStatus.Invalid;
        const string failed = nameof(CertificateEventKind.ReviewFailed);
        return state switch
        {
            CertificateState.Valid => c => c.Status == active && c.ValidTo >= today && c.NextReviewDue > windowOpensBefore,
            CertificateState.ReviewDue => c => c.Status == active && c.ValidTo >= today && c.NextReviewDue >= today && c.NextReviewDue <= windowOpensBefore,
            CertificateState.ReviewOverdue => c => (c.Status == active && c.ValidTo >= today && c.NextReviewDue < today)
                                                   || (c.Status == invalid && c.StatusReason != failed),
            CertificateState.ReviewFailed => c => c.Status == invalid && c.StatusReason == failed,
            CertificateState.Expired => c => c.Status == active && c.ValidTo < today,
            CertificateState.Revoked => c => c.Status == CertificateStatus.Revoked,
            CertificateState.Cancelled => c => c.Status == CertificateStatus.Cancelled,
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }
}
