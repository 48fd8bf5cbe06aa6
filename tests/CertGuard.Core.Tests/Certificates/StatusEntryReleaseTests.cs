using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>
/// A new card gives up the old card's status-list place (the data layer retires it and assigns a fresh one); a change
/// that prints no new card keeps it.
/// </summary>
public sealed class StatusEntryReleaseTests
{
    private static readonly DateOnly IssuedOn = new(2024, 3, 1);

    [Fact]
    public void Reissue_replacement_renewal_and_a_new_issue_after_revocation_each_give_up_the_place()
    {
        var clock = FixedClock.AtChinaNoon(IssuedOn);
        var rules = CertificateRules.Order30;

        AssertReleased(c => c.Reissue(TestCertificates.Actor, clock));
        AssertReleased(c => c.Replace("张三丰", TestCertificates.Actor, clock));
        AssertReleased(c => c.Replace(null, TestCertificates.Actor, clock));
        AssertReleased(c =>
        {
            // The review due at the end of validity, passed: 延期换证, a new card with new dates.
            clock.SetChinaNoon(c.NextReviewDue.AddDays(-5));
            c.PassReview(ChinaDay(clock), TestCertificates.Actor, rules, clock);
            Assert.Equal(4711, c.StatusIndex);
            clock.SetChinaNoon(c.ValidTo.AddDays(-10));
            c.PassReview(ChinaDay(clock), TestCertificates.Actor, rules, clock);
        });
        AssertReleased(c =>
        {
            c.Revoke(RevocationReason.PhysicallyUnfit, ChinaDay(clock), TestCertificates.Actor, rules, clock);
            c.IssueAgain(TestCertificates.Request(ChinaDay(clock)), rules, clock);
        });

        void AssertReleased(Action<Certificate> change)
        {
            clock.SetChinaNoon(IssuedOn);
            var certificate = TestCertificates.Issue(IssuedOn, clock);
            certificate.AssignStatusEntry("440100-1", 4711);
            change(certificate);
            Assert.Null(certificate.StatusListId);
            Assert.Null(certificate.StatusIndex);
            certificate.AssignStatusEntry("440100-1", 4712);
            Assert.Equal(4712, certificate.StatusIndex);
        }
    }

    [Fact]
    public void A_mid_term_review_and_a_revocation_keep_the_place()
    {
        var clock = FixedClock.AtChinaNoon(IssuedOn);
        var certificate = TestCertificates.Issue(IssuedOn, clock);
        certificate.AssignStatusEntry("440100-1", 4711);

        clock.SetChinaNoon(certificate.NextReviewDue.AddDays(-5));
        certificate.PassReview(ChinaDay(clock), TestCertificates.Actor, CertificateRules.Order30, clock);
        certificate.Revoke(RevocationReason.PhysicallyUnfit, ChinaDay(clock), TestCertificates.Actor, CertificateRules.Order30, clock);

        Assert.Equal(("440100-1", 4711), (certificate.StatusListId, certificate.StatusIndex));
    }

    private static DateOnly ChinaDay(FixedClock clock) => CertGuard.Core.Time.ChinaTime.Today(clock);
}
