using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>The transitions of Order No. 30 (DESIGN §3).</summary>
public sealed partial class CertificateLifecycleTests
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
}
