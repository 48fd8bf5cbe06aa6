using System.Linq.Expressions;

namespace CertGuard.Core.Certificates;

/// <summary>
/// The stored state (<see cref="Certificate.IndexedState"/>) as predicates and values a database can run. A search
/// for a state reads two disjoint parts: the rows whose stored state still holds today, in the state's own index
/// (<see cref="Holding"/>), and the few whose stored state may have lapsed since it was worked out, by their dates
/// (<see cref="Lapsed"/>), with the exact rule (<see cref="CertificateStateFilter"/>). The daily job keeps the second
/// part small (<see cref="StateValue"/>, <see cref="UntilValue"/>), and works every stored state out again when the
/// rules in force change (they take effect on a later day than they are confirmed).
/// The first part does not repeat the exact rule on purpose: the planner multiplies the selectivities of the stored
/// state and of the status columns it implies, expects almost no row, and sorts every row of the state instead of
/// reading the first page from the index (2.1 s instead of milliseconds for 复审不合格 at ten million).
/// </summary>
public static class CertificateStateIndex
{
    public static Expression<Func<Certificate, bool>> Holding(CertificateState state, DateOnly today) =>
        c => c.IndexedState == state && c.IndexedStateUntil > today;

    public static Expression<Func<Certificate, bool>> Lapsed(DateOnly today) => c => c.IndexedStateUntil <= today;

    /// <summary><see cref="CertificateStates.Of"/> with the rules, as one SQL expression (CASE).</summary>
    public static Expression<Func<Certificate, CertificateState>> StateValue(DateOnly today, CertificateRules rules)
    {
        var windowOpensBefore = today.AddDays(rules.ReviewWindowDays);
        const CertificateStatus active = CertificateStatus.Active;
        const string failed = nameof(CertificateEventKind.ReviewFailed);
        return c => c.Status == CertificateStatus.Revoked ? CertificateState.Revoked
            : c.Status == CertificateStatus.Cancelled ? CertificateState.Cancelled
            : c.Status != active ? (c.StatusReason == failed ? CertificateState.ReviewFailed : CertificateState.ReviewOverdue)
            : c.ValidTo < today ? CertificateState.Expired
            : c.NextReviewDue < today ? CertificateState.ReviewOverdue
            : c.NextReviewDue <= windowOpensBefore ? CertificateState.ReviewDue
            : CertificateState.Valid;
    }

    /// <summary><see cref="CertificateStates.ChangesOn"/> as one SQL expression (CASE).</summary>
    public static Expression<Func<Certificate, DateOnly>> UntilValue(DateOnly today, CertificateRules rules)
    {
        var windowOpensBefore = today.AddDays(rules.ReviewWindowDays);
        var window = rules.ReviewWindowDays;
        var never = DateOnly.MaxValue;
        return c => c.Status != CertificateStatus.Active || c.ValidTo < today ? never
            : c.NextReviewDue < today ? c.ValidTo.AddDays(1)
            : c.NextReviewDue <= windowOpensBefore ? c.NextReviewDue.AddDays(1)
            : c.NextReviewDue.AddDays(-window);
    }
}
