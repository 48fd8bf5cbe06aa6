using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>Failed reviews, the 6-year interval and overdue reviews.</summary>
public sealed partial class CertificateLifecycleTests
{
    // ---- review failed -------------------------------------------------------------------------------------------

    [Fact]
    public void Failing_the_review_requires_a_reason()
    {
        var certificate = Issue();
        var on = certificate.NextReviewDue;
        _clock.SetChinaNoon(on);

        Unchanged(certificate, () => certificate.FailReview(on, [], Officer, Rules, _clock), "CERT-REVIEW-REASON-REQUIRED");
    }

    [Fact]
    public void Failing_the_review_makes_the_certificate_invalid_as_review_failed()
    {
        var certificate = Issue();
        var on = certificate.NextReviewDue.AddDays(-3);
        _clock.SetChinaNoon(on);

        var added = Appended(certificate, () => certificate.FailReview(on,
            [ReviewFailureReason.FailedHealthCheck, ReviewFailureReason.SeriousViolation], Officer, Rules, _clock, note: "高血压"));

        var failed = Assert.Single(added);
        Assert.Equal(CertificateEventKind.ReviewFailed, failed.Kind);
        Assert.Equal(Officer, failed.Actor);
        Assert.Contains(nameof(ReviewFailureReason.FailedHealthCheck), failed.Reason, StringComparison.Ordinal);
        Assert.Contains(nameof(ReviewFailureReason.SeriousViolation), failed.Reason, StringComparison.Ordinal);
        Assert.Equal("高血压", failed.Details);
        Assert.Equal(CertificateStatus.Invalid, certificate.Status);
        Assert.Equal(on, certificate.StatusChangedOn);
        Assert.True(certificate.StatusBit);
        Assert.Equal(CertificateState.ReviewFailed, certificate.StateAt(_clock, Rules));
        Assert.Equal(CertificateState.ReviewFailed, certificate.StateOn(IssuedOn.AddYears(1)));
    }

    [Fact]
    public void A_failed_certificate_cannot_be_reviewed_again()
    {
        var certificate = Issue();
        var on = certificate.NextReviewDue;
        _clock.SetChinaNoon(on);
        certificate.FailReview(on, [ReviewFailureReason.MissedTrainingOrExam], Officer, Rules, _clock);

        Unchanged(certificate, () => certificate.PassReview(on, Officer, Rules, _clock), "CERT-REVIEW-INVALID");
        Unchanged(certificate, () => certificate.PassReview(on, Officer, Rules, _clock, outsideWindowApproved: true), "CERT-REVIEW-INVALID");
    }

    [Fact]
    public void A_revoked_certificate_cannot_be_reviewed()
    {
        var certificate = Issue();
        var on = certificate.NextReviewDue;
        _clock.SetChinaNoon(on);
        certificate.Revoke(RevocationReason.PhysicallyUnfit, on.AddDays(-70), Officer, Rules, _clock);

        Unchanged(certificate, () => certificate.PassReview(on, Officer, Rules, _clock), "CERT-REVIEW-NOT-LIVE");
        Unchanged(certificate, () => certificate.FailReview(on, [ReviewFailureReason.FailedHealthCheck], Officer, Rules, _clock), "CERT-REVIEW-NOT-LIVE");
        Unchanged(certificate, () => certificate.PassReview(on, Officer, Rules, _clock, outsideWindowApproved: true), "CERT-REVIEW-NOT-LIVE");
    }

    [Fact]
    public void A_cancelled_certificate_cannot_be_reviewed()
    {
        var certificate = Issue();
        var on = certificate.NextReviewDue;
        _clock.SetChinaNoon(on);
        certificate.Cancel(CancellationReason.HolderRequested, on.AddDays(-70), Officer, _clock);

        Unchanged(certificate, () => certificate.PassReview(on, Officer, Rules, _clock), "CERT-REVIEW-NOT-LIVE");
        Unchanged(certificate, () => certificate.FailReview(on, [ReviewFailureReason.FailedHealthCheck], Officer, Rules, _clock), "CERT-REVIEW-NOT-LIVE");
    }

    // ---- extended interval ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void The_extended_interval_needs_ten_years_in_the_operation(int years)
    {
        var certificate = Issue();
        Unchanged(certificate, () => certificate.GrantExtendedReviewInterval(years, false, Officer, Rules, _clock), "CERT-INTERVAL-YEARS");
        Assert.False(certificate.ExtendedReviewInterval);
    }

    [Fact]
    public void The_extended_interval_is_refused_with_violations()
    {
        var certificate = Issue();
        Unchanged(certificate, () => certificate.GrantExtendedReviewInterval(25, true, Officer, Rules, _clock), "CERT-INTERVAL-VIOLATIONS");
        Assert.False(certificate.ExtendedReviewInterval);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public void The_extended_interval_moves_the_review_to_the_end_of_validity(int years)
    {
        var certificate = Issue();
        _clock.SetChinaNoon(IssuedOn.AddMonths(2));

        var added = Appended(certificate, () => certificate.GrantExtendedReviewInterval(years, false, Officer, Rules, _clock));

        Assert.True(certificate.ExtendedReviewInterval);
        Assert.Equal(certificate.ValidTo, certificate.NextReviewDue);
        Assert.Equal(IssuedOn.AddYears(6).AddDays(-1), certificate.NextReviewDue);
        var granted = Assert.Single(added);
        Assert.Equal(CertificateEventKind.ExtendedIntervalGranted, granted.Kind);
        Assert.Equal(Officer, granted.Actor);
        Assert.Equal(IssuedOn.AddMonths(2), granted.EffectiveOn);
        // The old 3-year due date no longer makes it overdue.
        Assert.Equal(CertificateState.Valid, certificate.StateAt(FixedClock.AtChinaNoon(IssuedOn.AddYears(3).AddDays(1)), Rules));
    }

    [Fact]
    public void The_extended_interval_cannot_rescue_a_certificate_already_overdue()
    {
        // Past its due date without a review the certificate is invalid by rule (DESIGN §3), whether or not the daily
        // job has recorded it yet; moving the due date to the end of validity would revive it.
        var certificate = Issue();
        var due = certificate.NextReviewDue;
        _clock.SetChinaNoon(due.AddDays(30));
        Assert.Equal(CertificateState.ReviewOverdue, certificate.StateAt(_clock, Rules));

        Assert.Throws<DomainRuleException>(() => certificate.GrantExtendedReviewInterval(12, false, Officer, Rules, _clock));
        Assert.Equal(due, certificate.NextReviewDue);
    }

    [Fact]
    public void The_extended_interval_is_granted_once_and_only_to_a_live_certificate()
    {
        var certificate = Issue();
        certificate.GrantExtendedReviewInterval(10, false, Officer, Rules, _clock);
        Unchanged(certificate, () => certificate.GrantExtendedReviewInterval(10, false, Officer, Rules, _clock), "CERT-INTERVAL-ALREADY");

        var revoked = Issue();
        revoked.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn, Officer, Rules, _clock);
        Unchanged(revoked, () => revoked.GrantExtendedReviewInterval(10, false, Officer, Rules, _clock), "CERT-NOT-LIVE");
    }

    // ---- overdue ---------------------------------------------------------------------------------------------------

    [Fact]
    public void MarkInvalidIfOverdue_does_nothing_up_to_the_due_date()
    {
        var certificate = Issue();
        var due = certificate.NextReviewDue;

        Assert.False(certificate.MarkInvalidIfOverdue(due.AddDays(-100), _clock));
        Assert.False(certificate.MarkInvalidIfOverdue(due, _clock));
        Assert.Equal(CertificateStatus.Active, certificate.Status);
        Assert.Single(certificate.History);
        Assert.Equal(1, certificate.Version);
    }

    [Fact]
    public void MarkInvalidIfOverdue_invalidates_from_the_day_after_the_due_date()
    {
        var certificate = Issue();
        var due = certificate.NextReviewDue;
        _clock.SetChinaNoon(due.AddDays(3));

        var added = Appended(certificate, () => Assert.True(certificate.MarkInvalidIfOverdue(due.AddDays(3), _clock)));

        Assert.Equal(CertificateStatus.Invalid, certificate.Status);
        Assert.Equal(due.AddDays(1), certificate.StatusChangedOn);
        var marked = Assert.Single(added);
        Assert.Equal(CertificateEventKind.MarkedInvalid, marked.Kind);
        Assert.Equal(due.AddDays(1), marked.EffectiveOn);
        Assert.False(string.IsNullOrWhiteSpace(marked.Actor));
        Assert.False(string.IsNullOrWhiteSpace(marked.Reason));
        Assert.Equal(CertificateState.ReviewOverdue, certificate.StateAt(_clock, Rules));
        // Only once.
        Assert.False(certificate.MarkInvalidIfOverdue(due.AddDays(4), _clock));
        Assert.Equal(2, certificate.History.Count);
    }

    [Fact]
    public void MarkInvalidIfOverdue_leaves_revoked_and_cancelled_certificates_alone()
    {
        var revoked = Issue();
        revoked.Revoke(RevocationReason.ResponsibleForAccident, IssuedOn.AddDays(1), Officer, Rules, _clock);
        Assert.False(revoked.MarkInvalidIfOverdue(revoked.NextReviewDue.AddDays(1), _clock));
        Assert.Equal(CertificateStatus.Revoked, revoked.Status);
    }
}
