using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>
/// Issuing to a holder who already has records: one live certificate per item, the 3-year bar after fraud or false
/// information, and a new issue continuing the record of an ended certificate (the registry key is number and item).
/// </summary>
public sealed class IssueEligibilityTests
{
    private static readonly CertificateRules Rules = CertificateRules.Order30;
    private static readonly DateOnly IssuedOn = new(2020, 1, 10);
    private const string Officer = "officer-gz-09";

    private readonly FixedClock _clock = new(default);

    private static void Refused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainRuleException>(action).Code);

    private Certificate Issue(string item = "1.1")
    {
        _clock.SetChinaNoon(IssuedOn);
        return Certificate.Issue(TestCertificates.Request(IssuedOn, itemCode: item), Rules, _clock);
    }

    [Fact]
    public void A_holder_without_records_may_be_issued_and_gets_a_new_record()
    {
        _clock.SetChinaNoon(IssuedOn);
        Assert.Null(IssueEligibility.Check(TestCertificates.Request(IssuedOn), [], _clock));
    }

    [Fact]
    public void A_second_live_certificate_for_the_same_item_is_refused_but_another_item_is_not()
    {
        var live = Issue("1.1");
        var today = IssuedOn.AddDays(30);
        _clock.SetChinaNoon(today);

        Refused("CERT-LIVE-EXISTS", () => IssueEligibility.Check(TestCertificates.Request(today, itemCode: "1.1"), [live], _clock));
        Assert.Null(IssueEligibility.Check(TestCertificates.Request(today, itemCode: "2.1"), [live], _clock));
    }

    [Fact]
    public void An_expired_overdue_revoked_or_cancelled_certificate_is_returned_to_be_issued_again()
    {
        var expired = Issue();
        var afterValidity = expired.ValidTo.AddDays(1);
        _clock.SetChinaNoon(afterValidity);
        Assert.Same(expired, IssueEligibility.Check(TestCertificates.Request(afterValidity), [expired], _clock));

        var overdue = Issue();
        var afterDue = overdue.NextReviewDue.AddDays(1);
        _clock.SetChinaNoon(afterDue);
        // Not yet marked invalid by the daily job: still not in force.
        Assert.Equal(CertificateStatus.Active, overdue.Status);
        Assert.Same(overdue, IssueEligibility.Check(TestCertificates.Request(afterDue), [overdue], _clock));

        var revoked = Issue();
        revoked.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn.AddDays(5), Officer, Rules, _clock);
        _clock.SetChinaNoon(IssuedOn.AddDays(6));
        Assert.Same(revoked, IssueEligibility.Check(TestCertificates.Request(IssuedOn.AddDays(6)), [revoked], _clock));

        var cancelled = Issue();
        cancelled.Cancel(CancellationReason.HolderRequested, IssuedOn.AddDays(5), Officer, _clock);
        _clock.SetChinaNoon(IssuedOn.AddDays(6));
        Assert.Same(cancelled, IssueEligibility.Check(TestCertificates.Request(IssuedOn.AddDays(6)), [cancelled], _clock));
    }

    [Theory]
    [InlineData(RevocationReason.FraudOrBribery)]
    [InlineData(RevocationReason.FalseInformation)]
    public void Fraud_or_false_information_bars_any_item_for_three_years(RevocationReason reason)
    {
        var revoked = Issue("1.1");
        var on = IssuedOn.AddDays(100);
        _clock.SetChinaNoon(on);
        revoked.Revoke(reason, on, Officer, Rules, _clock);

        var lastBarredDay = on.AddYears(3);
        _clock.SetChinaNoon(lastBarredDay);
        Refused("CERT-REAPPLY-BARRED", () => IssueEligibility.Check(TestCertificates.Request(lastBarredDay, itemCode: "1.1"), [revoked], _clock));
        Refused("CERT-REAPPLY-BARRED", () => IssueEligibility.Check(TestCertificates.Request(lastBarredDay, itemCode: "2.1"), [revoked], _clock));

        var free = lastBarredDay.AddDays(1);
        _clock.SetChinaNoon(free);
        Assert.Null(IssueEligibility.Check(TestCertificates.Request(free, itemCode: "2.1"), [revoked], _clock));
        Assert.Same(revoked, IssueEligibility.Check(TestCertificates.Request(free, itemCode: "1.1"), [revoked], _clock));
        // After the bar, a back-dated issue inside it is still refused.
        Refused("CERT-REAPPLY-BARRED", () => IssueEligibility.Check(TestCertificates.Request(lastBarredDay, itemCode: "2.1"), [revoked], _clock));
    }

    [Fact]
    public void Other_revocation_reasons_do_not_bar()
    {
        var revoked = Issue("1.1");
        revoked.Revoke(RevocationReason.ResponsibleForAccident, IssuedOn.AddDays(10), Officer, Rules, _clock);
        var next = IssuedOn.AddDays(20);
        _clock.SetChinaNoon(next);
        Assert.Null(IssueEligibility.Check(TestCertificates.Request(next, itemCode: "2.1"), [revoked], _clock));
    }

    [Fact]
    public void Issuing_again_starts_a_new_life_on_the_same_record_and_keeps_the_old_history()
    {
        var certificate = Issue();
        var revokedOn = IssuedOn.AddDays(200);
        certificate.Revoke(RevocationReason.PhysicallyUnfit, revokedOn, Officer, Rules, _clock);
        var (id, events) = (certificate.Id, certificate.History.Count);
        var again = revokedOn.AddDays(30);
        _clock.SetChinaNoon(again);

        certificate.IssueAgain(TestCertificates.Request(again, name: "张三丰") with { RegionCode = "440300", EmployerId = null }, Rules, _clock);

        Assert.Equal(id, certificate.Id);
        Assert.Equal(CertificateStatus.Active, certificate.Status);
        Assert.Null(certificate.StatusReason);
        Assert.Null(certificate.StatusChangedOn);
        Assert.Equal("张三丰", certificate.HolderName);
        Assert.Equal("440300", certificate.RegionCode);
        Assert.Null(certificate.EmployerId);
        Assert.Equal(again, certificate.FirstIssuedOn);
        Assert.Equal(again, certificate.ValidFrom);
        Assert.Equal(again.AddYears(6).AddDays(-1), certificate.ValidTo);
        Assert.Equal(again.AddYears(3), certificate.NextReviewDue);
        Assert.Equal(events + 1, certificate.History.Count);
        var issued = certificate.History[^1];
        Assert.Equal(CertificateEventKind.Issued, issued.Kind);
        Assert.Equal(again, issued.EffectiveOn);
        Assert.Contains(revokedOn.ToString("yyyy-MM-dd"), issued.Details, StringComparison.Ordinal);
        Assert.Equal(certificate.Version, issued.Version);
        Assert.Equal(CertificateState.Valid, certificate.StateAt(_clock, Rules));
    }

    [Fact]
    public void Issuing_again_is_refused_while_live_while_barred_and_before_the_old_one_ended()
    {
        var live = Issue();
        var soon = IssuedOn.AddDays(10);
        _clock.SetChinaNoon(soon);
        Refused("CERT-LIVE-EXISTS", () => live.IssueAgain(TestCertificates.Request(soon), Rules, _clock));

        var barred = Issue();
        barred.Revoke(RevocationReason.FraudOrBribery, soon, Officer, Rules, _clock);
        var later = soon.AddDays(100);
        _clock.SetChinaNoon(later);
        Refused("CERT-REAPPLY-BARRED", () => barred.IssueAgain(TestCertificates.Request(later), Rules, _clock));

        var cancelled = Issue();
        cancelled.Cancel(CancellationReason.HolderRequested, soon, Officer, _clock);
        _clock.SetChinaNoon(later);
        Refused("CERT-ISSUE-BEFORE-END", () => cancelled.IssueAgain(TestCertificates.Request(soon.AddDays(-1)), Rules, _clock));
        Assert.Equal(CertificateStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void Issuing_again_clears_an_expired_bar_and_the_extended_interval()
    {
        var certificate = Issue();
        certificate.GrantExtendedReviewInterval(12, false, Officer, Rules, _clock);
        var on = IssuedOn.AddDays(50);
        certificate.Revoke(RevocationReason.FalseInformation, on, Officer, Rules, _clock);
        var free = on.AddYears(3).AddDays(1);
        _clock.SetChinaNoon(free);

        certificate.IssueAgain(TestCertificates.Request(free), Rules, _clock);

        Assert.Null(certificate.ReapplicationBarredUntil);
        Assert.False(certificate.ExtendedReviewInterval);
        Assert.Equal(free.AddYears(3), certificate.NextReviewDue);
    }

    [Fact]
    public void Renewal_is_the_review_at_the_end_of_validity_and_is_refused_midway()
    {
        var certificate = Issue();
        var first = certificate.NextReviewDue.AddDays(-5);
        _clock.SetChinaNoon(first);
        Refused("CERT-RENEWAL-NOT-DUE", () => certificate.Renew(first, Officer, Rules, _clock));
        certificate.PassReview(first, Officer, Rules, _clock);

        var oldValidTo = certificate.ValidTo;
        var second = certificate.NextReviewDue.AddDays(-5);
        _clock.SetChinaNoon(second);
        certificate.Renew(second, Officer, Rules, _clock);

        Assert.Equal(oldValidTo.AddDays(1), certificate.ValidFrom);
        Assert.Equal(CertificateEventKind.Renewed, certificate.History[^1].Kind);
    }

    [Fact]
    public void An_action_may_not_be_dated_in_the_future_or_before_the_last_step()
    {
        var certificate = Issue();
        _clock.SetChinaNoon(IssuedOn.AddDays(10));
        Refused("CERT-DATE-FUTURE", () => LifecycleChecks.EnsureEffectiveOn(certificate, IssuedOn.AddDays(11), _clock));
        Refused("CERT-DATE-BEFORE-HISTORY", () => LifecycleChecks.EnsureEffectiveOn(certificate, IssuedOn.AddDays(-1), _clock));
        LifecycleChecks.EnsureEffectiveOn(certificate, IssuedOn, _clock);
        LifecycleChecks.EnsureEffectiveOn(certificate, IssuedOn.AddDays(10), _clock);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "  ", true)]
    [InlineData(true, "局长批示 2026-001", false)]
    [InlineData(false, null, false)]
    public void An_override_of_the_review_window_needs_its_grounds(bool approved, string? note, bool refused)
    {
        if (refused) Refused("CERT-OVERRIDE-NOTE-REQUIRED", () => LifecycleChecks.EnsureOverrideExplained(approved, note));
        else LifecycleChecks.EnsureOverrideExplained(approved, note);
    }
}
