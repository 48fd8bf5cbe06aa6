using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>The transitions of Order No. 30 (DESIGN §3).</summary>
public sealed class CertificateLifecycleTests
{
    private static readonly CertificateRules Rules = CertificateRules.Order30;
    private static readonly DateOnly IssuedOn = new(2020, 1, 10);
    private const string Officer = "officer-gz-07";

    private readonly FixedClock _clock = new(default);

    private Certificate Issue() => TestCertificates.Issue(IssuedOn, _clock);

    private static void Refused(string code, Action action)
    {
        var ex = Assert.Throws<DomainRuleException>(action);
        Assert.Equal(code, ex.Code);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    /// <summary>Runs <paramref name="transition"/> and checks it appended events and bumped the version, leaving earlier history alone.</summary>
    private static List<CertificateEvent> Appended(Certificate certificate, Action transition)
    {
        var before = certificate.History.ToList();
        var version = certificate.Version;
        transition();
        var added = certificate.History.Skip(before.Count).ToList();
        Assert.NotEmpty(added);
        Assert.Equal(before.Select(e => e.Id), certificate.History.Take(before.Count).Select(e => e.Id));
        Assert.True(certificate.Version > version, "Version must be bumped");
        Assert.Equal(version + added.Count, certificate.Version);
        return added;
    }

    private static void Unchanged(Certificate certificate, Action refused, string code)
    {
        var (version, count, status, due, to) = (certificate.Version, certificate.History.Count, certificate.Status, certificate.NextReviewDue, certificate.ValidTo);
        Refused(code, refused);
        Assert.Equal(version, certificate.Version);
        Assert.Equal(count, certificate.History.Count);
        Assert.Equal(status, certificate.Status);
        Assert.Equal(due, certificate.NextReviewDue);
        Assert.Equal(to, certificate.ValidTo);
    }

    // ---- issue -------------------------------------------------------------------------------------------------

    [Fact]
    public void Issue_records_the_holder_item_and_an_Issued_event()
    {
        var holder = TestCertificates.Holder();
        _clock.SetChinaNoon(IssuedOn);
        var certificate = Certificate.Issue(TestCertificates.Request(IssuedOn, holder, "2.1", "  李四 "), Rules, _clock);

        Assert.Equal(holder.Value, certificate.Number);
        Assert.Equal("T" + holder.Value, certificate.PrintedNumber);
        Assert.Equal(holder.Masked, certificate.MaskedNumber);
        Assert.Equal("李四", certificate.HolderName);
        Assert.Equal(holder.Sex, certificate.HolderSex);
        Assert.Equal("2.1", certificate.ItemCode);
        Assert.Equal("2", certificate.CategoryCode);
        Assert.Equal(TestCertificates.Guangzhou, certificate.RegionCode);
        Assert.Equal(TestCertificates.Employer, certificate.EmployerId);
        Assert.Equal(TestCertificates.Authority, certificate.IssuingAuthorityId);
        Assert.Equal(CertificateStatus.Active, certificate.Status);
        Assert.NotEqual(Guid.Empty, certificate.Id);

        var issued = Assert.Single(certificate.History);
        Assert.Equal(CertificateEventKind.Issued, issued.Kind);
        Assert.Equal(IssuedOn, issued.EffectiveOn);
        Assert.Equal(TestCertificates.Actor, issued.Actor);
        Assert.Equal(_clock.GetUtcNow(), issued.OccurredAt);
        Assert.Equal(1, certificate.Version);
    }

    [Theory]
    [InlineData("99.1")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("1.1 ")]
    public void Issue_refuses_an_item_not_in_the_catalogue(string itemCode)
    {
        _clock.SetChinaNoon(IssuedOn);
        Refused("CERT-ITEM-UNKNOWN", () => Certificate.Issue(TestCertificates.Request(IssuedOn, itemCode: itemCode), Rules, _clock));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Issue_requires_a_holder_name(string name)
    {
        _clock.SetChinaNoon(IssuedOn);
        Refused("CERT-NAME-REQUIRED", () => Certificate.Issue(TestCertificates.Request(IssuedOn, name: name), Rules, _clock));
    }

    [Fact]
    public void Issue_refuses_a_holder_under_18_on_the_day_of_issue()
    {
        var issuedOn = new DateOnly(2026, 6, 15);
        _clock.SetChinaNoon(issuedOn);
        var seventeen = TestCertificates.Holder(issuedOn.AddYears(-18).AddDays(1)); // 18 tomorrow

        Refused("CERT-UNDER-AGE", () => Certificate.Issue(TestCertificates.Request(issuedOn, seventeen), Rules, _clock));
    }

    [Fact]
    public void Issue_accepts_a_holder_on_their_18th_birthday()
    {
        var issuedOn = new DateOnly(2026, 6, 15);
        _clock.SetChinaNoon(issuedOn);
        var eighteen = TestCertificates.Holder(issuedOn.AddYears(-18));

        var certificate = Certificate.Issue(TestCertificates.Request(issuedOn, eighteen), Rules, _clock);
        Assert.Equal(eighteen.Value, certificate.Number);
    }

    [Fact]
    public void Issue_refuses_a_date_after_today_in_UTC_plus_8()
    {
        var today = new DateOnly(2026, 6, 15);
        _clock.SetChinaNoon(today);
        Refused("CERT-DATE-FUTURE", () => Certificate.Issue(TestCertificates.Request(today.AddDays(1)), Rules, _clock));

        // 2026-06-15T16:30Z is already 16 June 00:30 in China: that date is today there.
        _clock.Now = new DateTimeOffset(2026, 6, 15, 16, 30, 0, TimeSpan.Zero);
        var certificate = Certificate.Issue(TestCertificates.Request(today.AddDays(1)), Rules, _clock);
        Assert.Equal(today.AddDays(1), certificate.ValidFrom);
    }

    [Fact]
    public void Issue_accepts_today_and_past_dates()
    {
        var today = new DateOnly(2026, 6, 15);
        _clock.SetChinaNoon(today);
        Assert.Equal(today, Certificate.Issue(TestCertificates.Request(today), Rules, _clock).ValidFrom);
        Assert.Equal(IssuedOn, Certificate.Issue(TestCertificates.Request(IssuedOn), Rules, _clock).ValidFrom);
    }

    // ---- review passed -----------------------------------------------------------------------------------------

    [Fact]
    public void Passing_the_review_inside_the_window_moves_the_next_review_three_years_on_capped_at_validity()
    {
        var certificate = Issue();
        var due = certificate.NextReviewDue;
        var reviewedOn = due.AddDays(-30);
        _clock.SetChinaNoon(reviewedOn);

        var added = Appended(certificate, () => certificate.PassReview(reviewedOn, Officer, Rules, _clock, note: "体检合格"));

        var passed = Assert.Single(added);
        Assert.Equal(CertificateEventKind.ReviewPassed, passed.Kind);
        Assert.Equal(reviewedOn, passed.EffectiveOn);
        Assert.Equal(Officer, passed.Actor);
        Assert.Equal("体检合格", passed.Details);
        Assert.Equal(Min(due.AddYears(3), certificate.ValidTo), certificate.NextReviewDue);
        Assert.Equal(new DateOnly(2026, 1, 9), certificate.NextReviewDue);
        Assert.True(certificate.NextReviewDue > due);
        Assert.Equal(IssuedOn, certificate.ValidFrom); // no renewal mid-term
        Assert.Equal(new DateOnly(2026, 1, 9), certificate.ValidTo);
        Assert.Equal(CertificateStatus.Active, certificate.Status);
        Assert.Single(certificate.Reviews);
    }

    [Theory]
    [InlineData(-60)] // the first day of the window
    [InlineData(-1)]
    [InlineData(0)]   // the due date itself
    public void The_review_window_is_the_60_days_before_the_due_date_and_the_due_date(int offset)
    {
        var certificate = Issue();
        var on = certificate.NextReviewDue.AddDays(offset);
        _clock.SetChinaNoon(on);

        certificate.PassReview(on, Officer, Rules, _clock);
        Assert.Equal(CertificateEventKind.ReviewPassed, certificate.History[^1].Kind);
    }

    [Theory]
    [InlineData(-61, "CERT-REVIEW-WINDOW")]
    [InlineData(-365, "CERT-REVIEW-WINDOW")]
    [InlineData(1, "CERT-REVIEW-OVERDUE")]
    public void Passing_the_review_outside_the_window_is_refused(int offset, string code)
    {
        var certificate = Issue();
        var on = certificate.NextReviewDue.AddDays(offset);
        _clock.SetChinaNoon(on);

        Unchanged(certificate, () => certificate.PassReview(on, Officer, Rules, _clock), code);
        Unchanged(certificate, () => certificate.FailReview(on, [ReviewFailureReason.FailedHealthCheck], Officer, Rules, _clock), code);
    }

    [Fact]
    public void An_early_review_outside_the_window_passes_with_the_authoritys_approval()
    {
        var certificate = Issue();
        var due = certificate.NextReviewDue;
        var on = due.AddDays(-100);
        _clock.SetChinaNoon(on);

        certificate.PassReview(on, Officer, Rules, _clock, outsideWindowApproved: true);

        Assert.Equal(Min(due.AddYears(3), certificate.ValidTo), certificate.NextReviewDue);
        Assert.Equal(CertificateEventKind.ReviewPassed, certificate.History[^1].Kind);
    }

    [Fact]
    public void A_review_after_the_due_date_is_refused_even_with_approval()
    {
        // DESIGN §3: "no review by the due date makes the certificate invalid (失效)". Whether the daily job has
        // already marked it must not matter: an overdue certificate cannot be revived by a late review.
        var certificate = Issue();
        var due = certificate.NextReviewDue;
        var late = due.AddDays(20);
        _clock.SetChinaNoon(late);
        Assert.Equal(CertificateState.ReviewOverdue, certificate.StateAt(_clock, Rules));

        Assert.Throws<DomainRuleException>(() => certificate.PassReview(late, Officer, Rules, _clock, outsideWindowApproved: true));
        Assert.Equal(due, certificate.NextReviewDue);
    }

    [Fact]
    public void Passing_the_review_at_the_end_of_validity_renews_the_certificate()
    {
        var certificate = Issue();
        var first = certificate.NextReviewDue.AddDays(-10);
        _clock.SetChinaNoon(first);
        certificate.PassReview(first, Officer, Rules, _clock);
        var oldValidTo = certificate.ValidTo;
        Assert.Equal(oldValidTo, certificate.NextReviewDue); // the second review falls at the end of validity

        var second = oldValidTo.AddDays(-20);
        _clock.SetChinaNoon(second);
        var added = Appended(certificate, () => certificate.PassReview(second, Officer, Rules, _clock));

        Assert.Equal(new[] { CertificateEventKind.ReviewPassed, CertificateEventKind.Renewed }, added.Select(e => e.Kind));
        Assert.All(added, e => Assert.Equal(Officer, e.Actor));
        Assert.All(added, e => Assert.Equal(second, e.EffectiveOn));
        Assert.Equal(oldValidTo.AddDays(1), certificate.ValidFrom);
        Assert.Equal(new DateOnly(2026, 1, 10), certificate.ValidFrom);
        Assert.Equal(certificate.ValidFrom.AddYears(6).AddDays(-1), certificate.ValidTo);
        Assert.Equal(new DateOnly(2032, 1, 9), certificate.ValidTo);
        Assert.Equal(certificate.ValidFrom.AddYears(3), certificate.NextReviewDue);
        Assert.Equal(IssuedOn, certificate.FirstIssuedOn);
        Assert.Contains("2032-01-09", added[1].Details, StringComparison.Ordinal);
        Assert.Equal(CertificateState.Valid, certificate.StateAt(FixedClock.AtChinaNoon(oldValidTo.AddDays(1)), Rules));
    }

    [Fact]
    public void With_the_extended_interval_the_only_review_renews_and_keeps_the_interval()
    {
        var certificate = Issue();
        _clock.SetChinaNoon(IssuedOn.AddYears(1));
        certificate.GrantExtendedReviewInterval(15, false, Officer, Rules, _clock);
        var on = certificate.ValidTo.AddDays(-5);
        _clock.SetChinaNoon(on);

        certificate.PassReview(on, Officer, Rules, _clock);

        Assert.Equal(new DateOnly(2026, 1, 10), certificate.ValidFrom);
        Assert.True(certificate.ExtendedReviewInterval);
        Assert.Equal(certificate.ValidTo, certificate.NextReviewDue);
        Assert.Equal(CertificateEventKind.Renewed, certificate.History[^1].Kind);
    }

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

    // ---- revocation ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(RevocationReason.FraudOrBribery)]
    [InlineData(RevocationReason.FalseInformation)]
    public void Revocation_for_fraud_or_false_information_bars_reapplication_for_three_years(RevocationReason reason)
    {
        var certificate = Issue();
        var on = new DateOnly(2024, 3, 1);
        _clock.SetChinaNoon(on);

        var added = Appended(certificate, () => certificate.Revoke(reason, on, Officer, Rules, _clock, "材料造假"));

        Assert.Equal(new DateOnly(2027, 3, 1), certificate.ReapplicationBarredUntil);
        Assert.Equal(on.AddYears(3), certificate.ReapplicationBarredUntil);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
        Assert.Equal(on, certificate.StatusChangedOn);
        Assert.Equal(reason.ToString(), certificate.StatusReason);
        var revoked = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Revoked, revoked.Kind);
        Assert.Equal(Officer, revoked.Actor);
        Assert.Equal(reason.ToString(), revoked.Reason);
        Assert.Equal("材料造假", revoked.Details);
        Assert.Equal(on, revoked.EffectiveOn);
        Assert.Equal(CertificateState.Revoked, certificate.StateAt(_clock, Rules));
        Assert.True(certificate.StatusBit);
    }

    [Theory]
    [InlineData(RevocationReason.OverdueWithoutReview)]
    [InlineData(RevocationReason.PhysicallyUnfit)]
    [InlineData(RevocationReason.ResponsibleForAccident)]
    public void Other_revocation_reasons_do_not_bar_reapplication(RevocationReason reason)
    {
        var certificate = Issue();
        certificate.Revoke(reason, new DateOnly(2024, 3, 1), Officer, Rules, _clock);

        Assert.Null(certificate.ReapplicationBarredUntil);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
    }

    [Fact]
    public void Exactly_fraud_and_false_information_bar_reapplication()
    {
        var barring = Enum.GetValues<RevocationReason>().Where(r => r.BarsReapplication()).Order();
        Assert.Equal(new[] { RevocationReason.FalseInformation, RevocationReason.FraudOrBribery }.Order(), barring);
    }

    [Fact]
    public void A_certificate_is_revoked_only_once()
    {
        var certificate = Issue();
        certificate.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn.AddDays(1), Officer, Rules, _clock);

        Unchanged(certificate, () => certificate.Revoke(RevocationReason.FraudOrBribery, IssuedOn.AddDays(2), Officer, Rules, _clock), "CERT-ALREADY-REVOKED");
        Assert.Null(certificate.ReapplicationBarredUntil);
    }

    [Fact]
    public void A_cancelled_certificate_cannot_be_revoked()
    {
        var certificate = Issue();
        certificate.Cancel(CancellationReason.HolderDied, IssuedOn.AddDays(1), Officer, _clock);

        Unchanged(certificate, () => certificate.Revoke(RevocationReason.FraudOrBribery, IssuedOn.AddDays(2), Officer, Rules, _clock), "CERT-ALREADY-CANCELLED");
    }

    [Fact]
    public void An_invalid_certificate_can_still_be_revoked()
    {
        var certificate = Issue();
        certificate.MarkInvalidIfOverdue(certificate.NextReviewDue.AddDays(1), _clock);

        certificate.Revoke(RevocationReason.OverdueWithoutReview, certificate.NextReviewDue.AddDays(5), Officer, Rules, _clock);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
    }

    // ---- cancellation -------------------------------------------------------------------------------------------------

    [Fact]
    public void Cancelling_because_revoked_requires_a_revoked_certificate()
    {
        var certificate = Issue();
        Unchanged(certificate, () => certificate.Cancel(CancellationReason.CertificateRevoked, IssuedOn.AddDays(1), Officer, _clock), "CERT-NOT-REVOKED");

        certificate.Revoke(RevocationReason.FalseInformation, IssuedOn.AddDays(1), Officer, Rules, _clock);
        var barredUntil = certificate.ReapplicationBarredUntil;
        var added = Appended(certificate, () => certificate.Cancel(CancellationReason.CertificateRevoked, IssuedOn.AddDays(2), Officer, _clock));

        Assert.Equal(CertificateStatus.Cancelled, certificate.Status);
        Assert.Equal(nameof(CancellationReason.CertificateRevoked), certificate.StatusReason);
        Assert.Equal(barredUntil, certificate.ReapplicationBarredUntil); // the bar survives the cancellation
        var cancelled = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Cancelled, cancelled.Kind);
        Assert.Equal(nameof(CancellationReason.CertificateRevoked), cancelled.Reason);
        Assert.Equal(Officer, cancelled.Actor);
    }

    [Theory]
    [InlineData(CancellationReason.HolderDied)]
    [InlineData(CancellationReason.HolderRequested)]
    public void A_live_certificate_is_cancelled_for_death_or_on_request(CancellationReason reason)
    {
        var certificate = Issue();
        var on = IssuedOn.AddYears(2);

        var added = Appended(certificate, () => certificate.Cancel(reason, on, Officer, _clock, "本人申请"));

        Assert.Equal(CertificateStatus.Cancelled, certificate.Status);
        Assert.Equal(on, certificate.StatusChangedOn);
        Assert.Equal(CertificateState.Cancelled, certificate.StateOn(on));
        Assert.Equal(reason.ToString(), Assert.Single(added).Reason);
    }

    [Fact]
    public void A_certificate_is_cancelled_only_once()
    {
        var certificate = Issue();
        certificate.Cancel(CancellationReason.HolderRequested, IssuedOn.AddDays(1), Officer, _clock);
        Unchanged(certificate, () => certificate.Cancel(CancellationReason.HolderDied, IssuedOn.AddDays(2), Officer, _clock), "CERT-ALREADY-CANCELLED");
    }

    // ---- reissue and replacement ---------------------------------------------------------------------------------------

    [Fact]
    public void Reissue_after_loss_keeps_the_dates_and_records_an_event()
    {
        var certificate = Issue();
        var today = IssuedOn.AddYears(1);
        _clock.SetChinaNoon(today);
        var (from, to, due) = (certificate.ValidFrom, certificate.ValidTo, certificate.NextReviewDue);

        var added = Appended(certificate, () => certificate.Reissue(Officer, _clock, "遗失登报"));

        var reissued = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Reissued, reissued.Kind);
        Assert.Equal(Officer, reissued.Actor);
        Assert.Equal(today, reissued.EffectiveOn);
        Assert.False(string.IsNullOrWhiteSpace(reissued.Reason));
        Assert.Equal("遗失登报", reissued.Details);
        Assert.Equal((from, to, due), (certificate.ValidFrom, certificate.ValidTo, certificate.NextReviewDue));
        Assert.Equal(CertificateStatus.Active, certificate.Status);
    }

    [Fact]
    public void Replace_with_a_new_name_records_the_correction()
    {
        var certificate = Issue();
        var oldName = certificate.HolderName;
        _clock.SetChinaNoon(IssuedOn.AddYears(1));

        var added = Appended(certificate, () => certificate.Replace(" 张叁 ", Officer, _clock));

        Assert.Equal("张叁", certificate.HolderName);
        var replaced = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Replaced, replaced.Kind);
        Assert.Equal(Officer, replaced.Actor);
        Assert.False(string.IsNullOrWhiteSpace(replaced.Reason));
        Assert.Contains(oldName, replaced.Details, StringComparison.Ordinal);
        Assert.Contains("张叁", replaced.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_of_a_damaged_card_keeps_the_name()
    {
        var certificate = Issue();
        var name = certificate.HolderName;

        var added = Appended(certificate, () => certificate.Replace(null, Officer, _clock, "卡片破损"));

        Assert.Equal(name, certificate.HolderName);
        Assert.Equal(CertificateEventKind.Replaced, Assert.Single(added).Kind);
        Assert.Equal("卡片破损", added[0].Details);
    }

    public static TheoryData<string> NotLive() => ["invalid", "revoked", "cancelled"];

    private Certificate InState(string state)
    {
        var certificate = Issue();
        switch (state)
        {
            case "invalid": certificate.MarkInvalidIfOverdue(certificate.NextReviewDue.AddDays(1), _clock); break;
            case "revoked": certificate.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn.AddDays(1), Officer, Rules, _clock); break;
            case "cancelled": certificate.Cancel(CancellationReason.HolderRequested, IssuedOn.AddDays(1), Officer, _clock); break;
        }
        Assert.NotEqual(CertificateStatus.Active, certificate.Status);
        return certificate;
    }

    [Theory]
    [MemberData(nameof(NotLive))]
    public void Reissue_and_replace_are_refused_when_not_active(string state)
    {
        var certificate = InState(state);
        var name = certificate.HolderName;

        Unchanged(certificate, () => certificate.Reissue(Officer, _clock), "CERT-NOT-LIVE");
        Unchanged(certificate, () => certificate.Replace("王五", Officer, _clock), "CERT-NOT-LIVE");
        Unchanged(certificate, () => certificate.Replace(null, Officer, _clock), "CERT-NOT-LIVE");
        Assert.Equal(name, certificate.HolderName);
    }

    // ---- history ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_step_of_a_full_life_is_in_the_history_with_its_actor_and_the_version_counts_them()
    {
        var certificate = Issue();
        var steps = new (string Actor, Action Step)[]
        {
            ("a1", () => { _clock.SetChinaNoon(IssuedOn.AddYears(1)); certificate.Reissue("a1", _clock); }),
            ("a2", () => certificate.Replace("张叁", "a2", _clock)),
            ("a3", () => { _clock.SetChinaNoon(certificate.NextReviewDue); certificate.PassReview(certificate.NextReviewDue, "a3", Rules, _clock); }),
            ("a4", () => certificate.Revoke(RevocationReason.FraudOrBribery, ChinaTimeToday(), "a4", Rules, _clock)),
            ("a5", () => certificate.Cancel(CancellationReason.CertificateRevoked, ChinaTimeToday(), "a5", _clock)),
        };
        foreach (var (actor, step) in steps)
        {
            var added = Appended(certificate, step);
            Assert.All(added, e => Assert.Equal(actor, e.Actor));
            Assert.All(added, e => Assert.Equal(_clock.GetUtcNow(), e.OccurredAt));
        }

        Assert.Equal(
            new[] { CertificateEventKind.Issued, CertificateEventKind.Reissued, CertificateEventKind.Replaced, CertificateEventKind.ReviewPassed, CertificateEventKind.Revoked, CertificateEventKind.Cancelled },
            certificate.History.Select(e => e.Kind));
        Assert.Equal(certificate.History.Count, certificate.Version);
        Assert.Equal(certificate.History.Count, certificate.History.Select(e => e.Id).Distinct().Count());
        Assert.Equal(nameof(RevocationReason.FraudOrBribery), certificate.History[4].Reason);
        Assert.Equal(nameof(CancellationReason.CertificateRevoked), certificate.History[5].Reason);
    }

    [Fact]
    public void A_status_list_entry_is_assigned_once()
    {
        var certificate = Issue();
        certificate.AssignStatusEntry("gz-1", 42);
        Refused("CERT-STATUS-ASSIGNED", () => certificate.AssignStatusEntry("gz-2", 7));
        Assert.Equal("gz-1", certificate.StatusListId);
        Assert.Equal(42, certificate.StatusIndex);
    }

    private DateOnly ChinaTimeToday() => Core.Time.ChinaTime.Today(_clock);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
