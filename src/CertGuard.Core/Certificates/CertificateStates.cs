namespace CertGuard.Core.Certificates;

/// <summary>
/// The one rule of a certificate's state on a day: the entity, the roster and review judges and the public query's
/// row all call it with their columns. <see cref="CertificateStateFilter"/> is the same rule as a database predicate,
/// and a test holds the two equal for every state and every day around the boundaries.
/// </summary>
public static class CertificateStates
{
    /// <param name="rules">When given, a valid certificate inside its review window is <see cref="CertificateState.ReviewDue"/>;
    /// without rules the window is not told apart (only lapses and endings count).</param>
    public static CertificateState Of(
        CertificateStatus status, string? statusReason, DateOnly validTo, DateOnly nextReviewDue, DateOnly today, CertificateRules? rules)
    {
        var state = status switch
        {
            CertificateStatus.Revoked => CertificateState.Revoked,
            CertificateStatus.Cancelled => CertificateState.Cancelled,
            CertificateStatus.Invalid when statusReason == nameof(CertificateEventKind.ReviewFailed) => CertificateState.ReviewFailed,
            CertificateStatus.Invalid => CertificateState.ReviewOverdue,
            _ when today > validTo => CertificateState.Expired,
            _ when today > nextReviewDue => CertificateState.ReviewOverdue,
            _ => CertificateState.Valid,
        };
        return state == CertificateState.Valid && rules is not null && InReviewWindow(nextReviewDue, today, rules) ? CertificateState.ReviewDue : state;
    }

    /// <summary>
    /// The first day after <paramref name="today"/> on which <see cref="Of"/> (with <paramref name="rules"/>) gives
    /// another state with no event in between, the review window opening, the due date or the last day of validity
    /// passing; <see cref="DateOnly.MaxValue"/> when dates alone never change it (revoked, cancelled, invalid, expired).
    /// </summary>
    public static DateOnly ChangesOn(CertificateStatus status, DateOnly validTo, DateOnly nextReviewDue, DateOnly today, CertificateRules rules) =>
        status != CertificateStatus.Active || today > validTo ? DateOnly.MaxValue
        : today > nextReviewDue ? validTo.AddDays(1)
        : InReviewWindow(nextReviewDue, today, rules) ? nextReviewDue.AddDays(1)
        : nextReviewDue.AddDays(-rules.ReviewWindowDays);

    /// <summary>The window before a review falls due (its last day included) in which the review is applied for.</summary>
    public static bool InReviewWindow(DateOnly nextReviewDue, DateOnly day, CertificateRules rules) =>
        day >= nextReviewDue.AddDays(-rules.ReviewWindowDays) && day <= nextReviewDue;
}
