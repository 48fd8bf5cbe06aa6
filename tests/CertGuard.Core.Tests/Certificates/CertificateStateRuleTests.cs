using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>
/// One state rule (<see cref="CertificateStates"/>): the entity's state and the database predicate
/// (<see cref="CertificateStateFilter"/>, compiled here) agree for certificates in every recorded status, on every day
/// around the review window, the due date and the end of validity. (The web's registry search runs the same predicate in SQL.)
/// </summary>
public sealed class CertificateStateRuleTests
{
    private static readonly CertificateRules Rules = CertificateRules.Order30;
    private static readonly DateOnly IssuedOn = new(2020, 3, 10);

    private static IEnumerable<Certificate> EveryKind()
    {
        var clock = FixedClock.AtChinaNoon(IssuedOn);
        var active = Certificate.Issue(TestCertificates.Request(IssuedOn), Rules, clock);
        var revoked = Certificate.Issue(TestCertificates.Request(IssuedOn), Rules, clock);
        revoked.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn.AddYears(1), "t", Rules, clock);
        var cancelled = Certificate.Issue(TestCertificates.Request(IssuedOn), Rules, clock);
        cancelled.Cancel(CancellationReason.HolderRequested, IssuedOn.AddYears(1), "t", clock);
        var failed = Certificate.Issue(TestCertificates.Request(IssuedOn), Rules, clock);
        var due = failed.NextReviewDue;
        clock.SetChinaNoon(due.AddDays(-10));
        failed.FailReview(due.AddDays(-10), [ReviewFailureReason.FailedHealthCheck], "t", Rules, clock);
        var lapsed = Certificate.Issue(TestCertificates.Request(IssuedOn), Rules, FixedClock.AtChinaNoon(IssuedOn));
        lapsed.MarkInvalidIfOverdue(lapsed.NextReviewDue.AddDays(1), FixedClock.AtChinaNoon(lapsed.NextReviewDue.AddDays(1)));
        return [active, revoked, cancelled, failed, lapsed];
    }

    private static IEnumerable<DateOnly> Days(Certificate c)
    {
        DateOnly[] marks = [c.ValidFrom, c.NextReviewDue.AddDays(-Rules.ReviewWindowDays), c.NextReviewDue, c.ValidTo];
        return marks.SelectMany(d => Enumerable.Range(-2, 5).Select(d.AddDays)).Distinct();
    }

    [Fact]
    public void The_database_predicate_and_the_entity_agree_on_every_state_and_boundary_day()
    {
        var seen = new HashSet<CertificateState>();
        foreach (var certificate in EveryKind())
        {
            foreach (var day in Days(certificate))
            {
                var state = certificate.StateOn(day, Rules);
                seen.Add(state);
                foreach (var candidate in Enum.GetValues<CertificateState>())
                {
                    var matches = CertificateStateFilter.For(candidate, day, Rules).Compile()(certificate);
                    Assert.True(matches == (candidate == state), $"{candidate} on {day} for a certificate in {state}");
                }
                Assert.Equal(state, CertificateStates.Of(certificate.Status, certificate.StatusReason, certificate.ValidTo, certificate.NextReviewDue, day, Rules));
            }
        }
        Assert.Equal(Enum.GetValues<CertificateState>().ToHashSet(), seen);
    }

    [Fact]
    public void Without_rules_the_window_is_not_told_apart()
    {
        var certificate = EveryKind().First();
        var inWindow = certificate.NextReviewDue.AddDays(-1);
        Assert.Equal(CertificateState.ReviewDue, certificate.StateOn(inWindow, Rules));
        Assert.Equal(CertificateState.Valid, certificate.StateOn(inWindow));
    }
}
