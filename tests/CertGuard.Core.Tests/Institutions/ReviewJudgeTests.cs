using CertGuard.Core.Certificates;
using CertGuard.Core.Institutions;
using CertGuard.Core.Tests.Support;
using CertGuard.Core.Verification;

namespace CertGuard.Core.Tests.Institutions;

/// <summary>Every verdict an institution can get at review, from a certificate issued on 2020-03-01 (review due 2023-03-01).</summary>
public sealed class ReviewJudgeTests
{
    private static readonly DateOnly IssuedOn = new(2020, 3, 1);
    private static readonly CertificateRules Rules = CertificateRules.Order30;
    private readonly FixedClock _clock = FixedClock.AtChinaNoon(IssuedOn);
    private readonly Certificate _certificate;

    public ReviewJudgeTests() => _certificate = TestCertificates.Issue(IssuedOn, _clock);

    private ReviewJudgement Judge(DateOnly today, string name = "张三", string item = "1.1") =>
        ReviewJudge.Judge(_certificate.Number, name, item, [_certificate], today, Rules);

    [Fact]
    public void Inside_the_review_window_the_review_may_go_ahead()
    {
        var judgement = Judge(new DateOnly(2023, 2, 15));

        Assert.Equal(ReviewVerdict.Eligible, judgement.Verdict);
        Assert.True(judgement.Eligible);
        Assert.False(judgement.Blocked);
        Assert.Equal(VerificationOutcome.ReviewDue, judgement.Outcome);
        Assert.Same(_certificate, judgement.Certificate);
        Assert.Contains("2023-03-01", judgement.Reason);
        Assert.Equal("eligible", judgement.Code);
    }

    [Fact]
    public void Before_the_window_opens_it_is_not_yet_due_and_says_from_when()
    {
        var judgement = Judge(new DateOnly(2021, 6, 1));

        Assert.Equal(ReviewVerdict.NotYetDue, judgement.Verdict);
        Assert.False(judgement.Eligible);
        Assert.Equal(VerificationOutcome.Valid, judgement.Outcome);
        // 60 days before 2023-03-01.
        Assert.Contains("2022-12-31", judgement.Reason);
    }

    [Fact]
    public void The_day_after_the_due_date_it_is_overdue_and_invalid()
    {
        var judgement = Judge(new DateOnly(2023, 3, 2));

        Assert.Equal(ReviewVerdict.Overdue, judgement.Verdict);
        Assert.Equal(VerificationOutcome.ReviewOverdue, judgement.Outcome);
        Assert.Contains("失效", judgement.Reason);
    }

    [Fact]
    public void A_failed_review_cannot_be_reviewed_again()
    {
        var on = new DateOnly(2023, 2, 20);
        _clock.SetChinaNoon(on);
        _certificate.FailReview(on, [ReviewFailureReason.FailedHealthCheck], TestCertificates.Actor, Rules, _clock);

        var judgement = Judge(new DateOnly(2023, 2, 21));

        Assert.Equal(ReviewVerdict.ReviewFailed, judgement.Verdict);
        Assert.Equal(VerificationOutcome.ReviewFailed, judgement.Outcome);
        Assert.Equal("review-failed", judgement.Code);
    }

    [Fact]
    public void After_the_end_of_validity_it_is_expired()
    {
        var judgement = Judge(_certificate.ValidTo.AddDays(1));

        Assert.Equal(ReviewVerdict.Expired, judgement.Verdict);
        Assert.Equal(VerificationOutcome.Expired, judgement.Outcome);
    }

    [Fact]
    public void Revoked_and_cancelled_certificates_are_refused_with_their_reason()
    {
        var on = new DateOnly(2021, 1, 5);
        _clock.SetChinaNoon(on);
        _certificate.Revoke(RevocationReason.FraudOrBribery, on, TestCertificates.Actor, Rules, _clock);
        var revoked = Judge(new DateOnly(2023, 2, 15));
        Assert.Equal(ReviewVerdict.Revoked, revoked.Verdict);
        Assert.Equal(VerificationOutcome.Revoked, revoked.Outcome);
        Assert.Contains("撤销", revoked.Reason);

        var other = TestCertificates.Issue(IssuedOn, _clock, holder: TestCertificates.Holder(sequence: 456));
        _clock.SetChinaNoon(on);
        other.Cancel(CancellationReason.HolderRequested, on, TestCertificates.Actor, _clock);
        var cancelled = ReviewJudge.Judge(other.Number, "张三", "1.1", [other], new DateOnly(2023, 2, 15), Rules);
        Assert.Equal(ReviewVerdict.Cancelled, cancelled.Verdict);
        Assert.Contains("注销", cancelled.Reason);
    }

    [Fact]
    public void The_holders_certificate_for_another_item_is_the_wrong_item_and_names_what_is_held()
    {
        var judgement = Judge(new DateOnly(2023, 2, 15), item: "2.1");

        Assert.Equal(ReviewVerdict.WrongItem, judgement.Verdict);
        Assert.Equal(VerificationOutcome.WrongItem, judgement.Outcome);
        Assert.Null(judgement.Certificate);
        Assert.Contains("高压电工作业", judgement.Reason);
        Assert.Contains("熔化焊接与热切割作业", judgement.Reason);
    }

    [Fact]
    public void Another_persons_name_is_a_mismatch_that_reveals_nothing_of_the_holder()
    {
        var judgement = Judge(new DateOnly(2023, 2, 15), name: "李四");

        Assert.Equal(ReviewVerdict.NameMismatch, judgement.Verdict);
        Assert.Equal(VerificationOutcome.NameMismatch, judgement.Outcome);
        Assert.Null(judgement.Certificate);
        Assert.DoesNotContain("张三", judgement.Reason);
        Assert.False(judgement.Blocked);
    }

    [Fact]
    public void Names_compare_without_spaces()
    {
        Assert.Equal(ReviewVerdict.Eligible, Judge(new DateOnly(2023, 2, 15), name: " 张 三 ").Verdict);
    }

    [Fact]
    public void A_well_formed_number_missing_from_the_registry_is_blocked_as_not_found()
    {
        var number = IdNumbers.Make("440106", new DateOnly(1990, 1, 1), 777);

        var judgement = ReviewJudge.Judge(number, "王五", "1.1", [], new DateOnly(2023, 2, 15), Rules);

        Assert.Equal(ReviewVerdict.NotInRegistry, judgement.Verdict);
        Assert.True(judgement.Blocked);
        Assert.Equal(VerificationOutcome.NotFound, judgement.Outcome);
        Assert.Equal(ReviewJudge.BlockedReason, judgement.Reason);
        Assert.Equal("not-in-registry", judgement.Code);
    }

    [Fact]
    public void An_impossible_number_is_blocked_as_malformed_and_says_why()
    {
        var good = IdNumbers.Make("440106", new DateOnly(1990, 1, 1), 777);
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');

        var judgement = ReviewJudge.Judge(badCheck, "王五", "1.1", [], new DateOnly(2023, 2, 15), Rules);

        Assert.Equal(ReviewVerdict.NotInRegistry, judgement.Verdict);
        Assert.True(judgement.Blocked);
        Assert.Equal(VerificationOutcome.Malformed, judgement.Outcome);
        Assert.StartsWith("证号不可能是真实证号", judgement.Reason);
    }

    [Fact]
    public void Every_verdict_has_its_own_code_and_title()
    {
        var judgements = Enum.GetValues<ReviewVerdict>().Select(v => new ReviewJudgement(v, "", VerificationOutcome.Valid, null)).ToList();

        Assert.Equal(judgements.Count, judgements.Select(j => j.Code).Distinct().Count());
        Assert.Equal(judgements.Count, judgements.Select(j => j.Title).Distinct().Count());
    }
}
