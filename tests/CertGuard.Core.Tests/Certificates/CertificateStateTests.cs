using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;
using CertGuard.Core.Time;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>What the dates make of a certificate, in UTC+8 (DESIGN §3).</summary>
public sealed class CertificateStateTests
{
    private static readonly CertificateRules Rules = CertificateRules.Order30;

    // The rule as stated: valid 6 years, reviewed every 3, applied for within the 60 days before the due date.
    private const int ValidityYears = 6;
    private const int ReviewYears = 3;
    private const int WindowDays = 60;

    private static readonly DateOnly IssuedOn = new(2020, 1, 10);

    private static CertificateState StateOnDay(Certificate certificate, DateOnly day) =>
        certificate.StateAt(FixedClock.AtChinaNoon(day), Rules);

    [Fact]
    public void Issue_sets_six_years_of_validity_and_the_review_three_years_on()
    {
        var certificate = TestCertificates.Issue(IssuedOn);

        Assert.Equal(IssuedOn, certificate.ValidFrom);
        Assert.Equal(IssuedOn, certificate.FirstIssuedOn);
        Assert.Equal(new DateOnly(2026, 1, 9), certificate.ValidTo);
        Assert.Equal(IssuedOn.AddYears(ValidityYears).AddDays(-1), certificate.ValidTo);
        Assert.Equal(new DateOnly(2023, 1, 10), certificate.NextReviewDue);
        Assert.Equal(IssuedOn.AddYears(ReviewYears), certificate.NextReviewDue);
        Assert.False(certificate.ExtendedReviewInterval);
    }

    [Theory]
    [InlineData(2020, 1, 10)]
    [InlineData(2020, 3, 1)]
    [InlineData(2021, 12, 31)]
    [InlineData(2019, 7, 15)]
    public void Validity_ends_the_day_before_the_sixth_anniversary(int y, int m, int d)
    {
        var issued = new DateOnly(y, m, d);
        var certificate = TestCertificates.Issue(issued);

        // Inclusive count: exactly six calendar years of days from ValidFrom to ValidTo.
        Assert.Equal(issued.AddYears(ValidityYears), certificate.ValidTo.AddDays(1));
        Assert.Equal(issued.AddYears(ReviewYears), certificate.NextReviewDue);
        Assert.True(certificate.NextReviewDue < certificate.ValidTo);
    }

    [Fact]
    public void A_fresh_certificate_is_valid_from_its_first_day()
    {
        var certificate = TestCertificates.Issue(IssuedOn);

        Assert.Equal(CertificateState.Valid, StateOnDay(certificate, IssuedOn));
        Assert.Equal(CertificateState.Valid, StateOnDay(certificate, IssuedOn.AddYears(1)));
        Assert.Equal(CertificateState.Valid, certificate.StateOn(IssuedOn));
        Assert.Equal(CertificateStatus.Active, certificate.Status);
        Assert.False(certificate.StatusBit);
    }

    [Fact]
    public void Review_is_due_exactly_from_60_days_before_the_due_date()
    {
        var certificate = TestCertificates.Issue(IssuedOn);
        var due = certificate.NextReviewDue;

        Assert.Equal(CertificateState.Valid, StateOnDay(certificate, due.AddDays(-(WindowDays + 1))));
        Assert.Equal(CertificateState.ReviewDue, StateOnDay(certificate, due.AddDays(-WindowDays)));
        Assert.Equal(new DateOnly(2022, 11, 11), due.AddDays(-WindowDays));
        Assert.Equal(CertificateState.ReviewDue, StateOnDay(certificate, due.AddDays(-1)));
        Assert.Equal(CertificateState.ReviewDue, StateOnDay(certificate, due));
    }

    [Fact]
    public void The_review_window_opens_at_midnight_in_UTC_plus_8()
    {
        var certificate = TestCertificates.Issue(IssuedOn);
        var opens = certificate.NextReviewDue.AddDays(-WindowDays); // 2022-11-11 00:00 CST = 2022-11-10 16:00Z

        Assert.Equal(CertificateState.Valid, certificate.StateAt(FixedClock.AtUtc(2022, 11, 10, 15, 59, 59), Rules));
        Assert.Equal(CertificateState.ReviewDue, certificate.StateAt(FixedClock.AtUtc(2022, 11, 10, 16, 0, 0), Rules));
        Assert.Equal(opens, ChinaTime.DateOf(new DateTimeOffset(2022, 11, 10, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void InReviewWindow_covers_the_60_days_before_the_due_date_and_the_due_date()
    {
        var certificate = TestCertificates.Issue(IssuedOn);
        var due = certificate.NextReviewDue;

        Assert.False(certificate.InReviewWindow(due.AddDays(-61), Rules));
        Assert.True(certificate.InReviewWindow(due.AddDays(-60), Rules));
        Assert.True(certificate.InReviewWindow(due, Rules));
        Assert.False(certificate.InReviewWindow(due.AddDays(1), Rules));
    }

    [Fact]
    public void The_day_after_the_due_date_the_review_is_overdue()
    {
        var certificate = TestCertificates.Issue(IssuedOn);
        var due = certificate.NextReviewDue;

        Assert.Equal(CertificateState.ReviewDue, StateOnDay(certificate, due));
        Assert.Equal(CertificateState.ReviewOverdue, StateOnDay(certificate, due.AddDays(1)));
        Assert.Equal(CertificateState.ReviewOverdue, certificate.StateOn(due.AddDays(1)));
        Assert.Equal(CertificateState.ReviewOverdue, StateOnDay(certificate, certificate.ValidTo));
    }

    [Fact]
    public void After_the_end_of_validity_the_certificate_is_expired()
    {
        var certificate = TestCertificates.Issue(IssuedOn);

        Assert.NotEqual(CertificateState.Expired, StateOnDay(certificate, certificate.ValidTo));
        Assert.Equal(CertificateState.Expired, StateOnDay(certificate, certificate.ValidTo.AddDays(1)));
        Assert.Equal(CertificateState.Expired, certificate.StateOn(certificate.ValidTo.AddYears(3)));
    }

    [Fact]
    public void Valid_to_a_date_means_through_the_end_of_that_day_in_UTC_plus_8()
    {
        // Issued 2020-06-01: valid to 2026-05-31. The extended interval puts the review on the last day too, so
        // nothing but the end of validity decides the state on that day.
        var clock = new FixedClock(default);
        var certificate = TestCertificates.Issue(new DateOnly(2020, 6, 1), clock);
        certificate.GrantExtendedReviewInterval(12, hasViolations: false, "officer", Rules, clock);
        Assert.Equal(new DateOnly(2026, 5, 31), certificate.ValidTo);
        Assert.Equal(certificate.ValidTo, certificate.NextReviewDue);

        var lastSecond = certificate.StateAt(FixedClock.AtUtc(2026, 5, 31, 15, 59, 59), Rules);
        var midnight = certificate.StateAt(FixedClock.AtUtc(2026, 5, 31, 16, 0, 0), Rules);

        Assert.Equal(CertificateState.ReviewDue, lastSecond); // still valid, in its review window
        Assert.Equal(CertificateState.Expired, midnight);
        Assert.Equal(CertificateState.ReviewDue, certificate.StateAt(new FixedClock(ChinaTime.EndOfDay(certificate.ValidTo)), Rules));
        Assert.Equal(CertificateState.Expired, certificate.StateAt(new FixedClock(ChinaTime.EndOfDay(certificate.ValidTo).AddTicks(1)), Rules));
    }

    [Fact]
    public void A_server_clock_in_another_zone_gives_the_same_state()
    {
        var clock = new FixedClock(default);
        var certificate = TestCertificates.Issue(new DateOnly(2020, 6, 1), clock);
        certificate.GrantExtendedReviewInterval(12, hasViolations: false, "officer", Rules, clock);

        // 2026-05-31 20:00 in New York (-04:00) is already 1 June 08:00 in China.
        var newYork = new FixedClock(new DateTimeOffset(2026, 5, 31, 20, 0, 0, TimeSpan.FromHours(-4)));
        Assert.Equal(CertificateState.Expired, certificate.StateAt(newYork, Rules));
    }

    [Fact]
    public void The_rules_are_reference_data_not_constants()
    {
        var rules = CertificateRules.Order30 with { ValidityYears = 5, ReviewIntervalYears = 2, ReviewWindowDays = 30 };
        var certificate = TestCertificates.Issue(IssuedOn, rules);

        Assert.Equal(IssuedOn.AddYears(5).AddDays(-1), certificate.ValidTo);
        Assert.Equal(IssuedOn.AddYears(2), certificate.NextReviewDue);
        Assert.Equal(CertificateState.Valid, certificate.StateAt(FixedClock.AtChinaNoon(certificate.NextReviewDue.AddDays(-31)), rules));
        Assert.Equal(CertificateState.ReviewDue, certificate.StateAt(FixedClock.AtChinaNoon(certificate.NextReviewDue.AddDays(-30)), rules));
    }

    [Fact]
    public void A_review_interval_longer_than_validity_is_capped_at_the_end_of_validity()
    {
        var rules = CertificateRules.Order30 with { ReviewIntervalYears = 7 };
        var certificate = TestCertificates.Issue(IssuedOn, rules);
        Assert.Equal(certificate.ValidTo, certificate.NextReviewDue);
    }

    [Fact]
    public void Recorded_statuses_override_the_dates()
    {
        var clock = new FixedClock(default);
        var revoked = TestCertificates.Issue(IssuedOn, clock);
        revoked.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn.AddDays(10), "officer", Rules, clock);
        var cancelled = TestCertificates.Issue(IssuedOn, clock);
        cancelled.Cancel(CancellationReason.HolderRequested, IssuedOn.AddDays(10), "officer", clock);

        foreach (var day in new[] { IssuedOn.AddDays(20), IssuedOn.AddYears(3), IssuedOn.AddYears(7) })
        {
            Assert.Equal(CertificateState.Revoked, StateOnDay(revoked, day));
            Assert.Equal(CertificateState.Cancelled, StateOnDay(cancelled, day));
        }
        Assert.True(revoked.StatusBit);
        Assert.True(cancelled.StatusBit);
    }

    public static TheoryData<CertificateState> AllStates() => new(Enum.GetValues<CertificateState>());

    private static (Certificate[] Certificates, SortedSet<DateOnly> Days) EveryKindAndEveryEdge()
    {
        var clock = new FixedClock(default);
        var plain = TestCertificates.Issue(IssuedOn, clock);
        var extended = TestCertificates.Issue(IssuedOn, clock);
        extended.GrantExtendedReviewInterval(10, false, "officer", Rules, clock);
        var failed = TestCertificates.Issue(IssuedOn, clock);
        clock.SetChinaNoon(failed.NextReviewDue);
        failed.FailReview(failed.NextReviewDue, [ReviewFailureReason.FailedHealthCheck], "officer", Rules, clock);
        var overdue = TestCertificates.Issue(IssuedOn, clock);
        overdue.MarkInvalidIfOverdue(overdue.NextReviewDue.AddDays(1), clock);
        var revoked = TestCertificates.Issue(IssuedOn, clock);
        revoked.Revoke(RevocationReason.FraudOrBribery, IssuedOn, "officer", Rules, clock);
        var cancelled = TestCertificates.Issue(IssuedOn, clock);
        cancelled.Cancel(CancellationReason.HolderRequested, IssuedOn.AddDays(3), "officer", clock);
        var certificates = new[] { plain, extended, failed, overdue, revoked, cancelled };

        var days = new SortedSet<DateOnly>();
        for (var day = IssuedOn; day <= IssuedOn.AddYears(7); day = day.AddDays(7)) days.Add(day);
        foreach (var c in certificates)
            foreach (var edge in new[] { c.NextReviewDue, c.ValidTo })
                for (var d = -61; d <= 1; d++) days.Add(edge.AddDays(d));
        return (certificates, days);
    }

    /// <summary>
    /// The stored state holds from the day it is worked out to the day before <see cref="CertificateStates.ChangesOn"/>,
    /// and not on that day: the search trusts it exactly that long.
    /// </summary>
    [Fact]
    public void The_stored_state_holds_until_the_day_it_changes_and_not_on_that_day()
    {
        var (certificates, days) = EveryKindAndEveryEdge();
        var checkedChanges = 0;
        foreach (var certificate in certificates)
            foreach (var day in days)
            {
                certificate.IndexState(day, Rules);
                var state = StateOnDay(certificate, day);
                Assert.Equal(state, certificate.IndexedState);
                var until = certificate.IndexedStateUntil;
                Assert.True(until > day, $"{certificate.Id} on {day}: until {until}");
                for (var d = day; d < until && d <= IssuedOn.AddYears(8); d = d.AddDays(1)) Assert.Equal(state, StateOnDay(certificate, d));
                if (until == DateOnly.MaxValue) continue;
                Assert.NotEqual(state, StateOnDay(certificate, until));
                checkedChanges++;
            }
        Assert.True(checkedChanges > 100, $"{checkedChanges} changes checked");
    }

    [Fact]
    public void Without_the_rules_in_force_the_stored_state_is_marked_unknown()
    {
        var certificate = TestCertificates.Issue(IssuedOn);
        certificate.IndexState(IssuedOn, Rules);
        Assert.True(certificate.IndexedStateUntil > IssuedOn);

        certificate.IndexState(IssuedOn, rules: null);

        Assert.Equal(DateOnly.MinValue, certificate.IndexedStateUntil);
        Assert.True(CertificateStateIndex.Lapsed(IssuedOn).Compile()(certificate));
    }

    /// <summary>The daily job's UPDATE computes in SQL what a save computes in C#.</summary>
    [Fact]
    public void The_stored_state_in_SQL_agrees_with_the_one_a_save_works_out()
    {
        var (certificates, days) = EveryKindAndEveryEdge();
        foreach (var day in days)
        {
            var state = CertificateStateIndex.StateValue(day, Rules).Compile();
            var until = CertificateStateIndex.UntilValue(day, Rules).Compile();
            foreach (var certificate in certificates)
            {
                certificate.IndexState(day, Rules);
                Assert.Equal(certificate.IndexedState, state(certificate));
                Assert.Equal(certificate.IndexedStateUntil, until(certificate));
                Assert.True(CertificateStateIndex.Holding(certificate.IndexedState, day).Compile()(certificate));
                Assert.False(CertificateStateIndex.Lapsed(day).Compile()(certificate));
            }
        }
    }

    /// <summary>The database filter must pick out exactly the certificates StateAt puts in that state.</summary>
    [Theory]
    [MemberData(nameof(AllStates))]
    public void The_state_filter_agrees_with_StateAt_on_every_day(CertificateState state)
    {
        var clock = new FixedClock(default);
        var plain = TestCertificates.Issue(IssuedOn, clock);
        var extended = TestCertificates.Issue(IssuedOn, clock);
        extended.GrantExtendedReviewInterval(10, false, "officer", Rules, clock);
        var failed = TestCertificates.Issue(IssuedOn, clock);
        clock.SetChinaNoon(failed.NextReviewDue);
        failed.FailReview(failed.NextReviewDue, [ReviewFailureReason.FailedHealthCheck], "officer", Rules, clock);
        var overdue = TestCertificates.Issue(IssuedOn, clock);
        overdue.MarkInvalidIfOverdue(overdue.NextReviewDue.AddDays(1), clock);
        var revoked = TestCertificates.Issue(IssuedOn, clock);
        revoked.Revoke(RevocationReason.FraudOrBribery, IssuedOn, "officer", Rules, clock);
        var certificates = new[] { plain, extended, failed, overdue, revoked };

        var days = new SortedSet<DateOnly>();
        for (var day = IssuedOn; day <= IssuedOn.AddYears(7); day = day.AddDays(7)) days.Add(day);
        foreach (var c in certificates)
            foreach (var edge in new[] { c.NextReviewDue, c.ValidTo })
                for (var d = -61; d <= 1; d++) days.Add(edge.AddDays(d));

        foreach (var day in days)
        {
            var filter = CertificateStateFilter.For(state, day, Rules).Compile();
            foreach (var certificate in certificates)
                Assert.Equal(StateOnDay(certificate, day) == state, filter(certificate));
        }
    }
}
