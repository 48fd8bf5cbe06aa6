using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Tests.Support;
using CertGuard.Core.Verification;

namespace CertGuard.Core.Tests.Employers;

/// <summary>One roster row against the registry: each verdict, the certificate it rests on, and what rectification asks.</summary>
public sealed class RosterJudgeTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly CertificateRules Rules = CertificateRules.Order30;
    private static readonly string[] Electrician = ["1.1", "1.2"];

    private static Certificate Issue(DateOnly issuedOn, string item = "1.1", string name = "张三")
    {
        var clock = FixedClock.AtChinaNoon(issuedOn);
        var certificate = Certificate.Issue(TestCertificates.Request(issuedOn, itemCode: item, name: name), Rules, clock);
        clock.SetChinaNoon(Today);
        return certificate;
    }

    private static RosterJudgement Judge(string name, IReadOnlyCollection<string>? items, params Certificate[] certificates) =>
        RosterJudge.Judge(name, items, certificates, Today, Rules);

    [Fact]
    public void Each_state_of_the_positions_certificate_gives_its_verdict()
    {
        var valid = Judge("张三", Electrician, Issue(Today.AddYears(-1)));
        Assert.Equal((RosterVerdict.Valid, VerificationOutcome.Valid), (valid.Verdict, valid.Outcome));
        Assert.Equal(RosterVerdict.ReviewOverdue, Judge("张三", Electrician, Issue(Today.AddYears(-3).AddDays(-10))).Verdict);
        Assert.Equal(RosterVerdict.Expired, Judge("张三", Electrician, Issue(Today.AddYears(-6).AddDays(-10))).Verdict);
        var revoked = Issue(Today.AddYears(-1));
        revoked.Revoke(RevocationReason.PhysicallyUnfit, Today, "officer", Rules, FixedClock.AtChinaNoon(Today));
        Assert.Equal(RosterVerdict.Revoked, Judge("张三", Electrician, revoked).Verdict);

        var due = Judge("张三", Electrician, Issue(Today.AddYears(-3).AddDays(20)));
        Assert.Equal((RosterVerdict.Valid, VerificationOutcome.ReviewDue), (due.Verdict, due.Outcome));
        Assert.Contains("复审", due.Reason);
    }

    [Fact]
    public void Another_item_is_wrong_for_a_position_but_any_valid_item_counts_without_one()
    {
        var welder = Issue(Today.AddYears(-1), item: "2.1");
        var wrong = Judge("张三", Electrician, welder);
        Assert.Equal(RosterVerdict.WrongItem, wrong.Verdict);
        Assert.Contains("低压电工作业", wrong.Reason);
        Assert.Equal(RosterVerdict.Valid, Judge("张三", null, welder).Verdict);
    }

    [Fact]
    public void An_invalid_certificate_of_another_item_is_told_as_invalid_before_the_wrong_item()
    {
        var revoked = Issue(Today.AddYears(-1), item: "2.1");
        revoked.Revoke(RevocationReason.PhysicallyUnfit, Today, "officer", Rules, FixedClock.AtChinaNoon(Today));
        var judged = Judge("张三", Electrician, revoked);
        Assert.Equal((RosterVerdict.Revoked, RequiredAction.StopWork), (judged.Verdict, judged.Verdict.ActionFor()));
        Assert.Equal(RosterVerdict.Expired, Judge("张三", Electrician, Issue(Today.AddYears(-6).AddDays(-10), item: "2.1")).Verdict);
        Assert.Equal(RosterVerdict.ReviewOverdue, Judge("张三", Electrician, Issue(Today.AddYears(-3).AddDays(-10), item: "2.1")).Verdict);

        // A valid certificate of another item is still the wrong item: the worker may work, just not on this post.
        var validWelder = Issue(Today.AddYears(-1), item: "2.2");
        Assert.Equal(RosterVerdict.WrongItem, Judge("张三", Electrician, revoked, validWelder).Verdict);
    }

    [Fact]
    public void The_certificate_closest_to_valid_among_the_positions_items_decides()
    {
        var expiredHigh = Issue(Today.AddYears(-6).AddDays(-10), item: "1.1");
        var validLow = Issue(Today.AddYears(-1), item: "1.2");
        var judgement = Judge("张三", Electrician, expiredHigh, validLow);
        Assert.Equal(RosterVerdict.Valid, judgement.Verdict);
        Assert.Same(validLow, judgement.Certificate);
    }

    [Fact]
    public void An_unknown_number_is_a_suspected_fake_and_another_name_a_mismatch_that_reveals_nobody()
    {
        var notFound = Judge("张三", Electrician);
        Assert.Equal((RosterVerdict.NotFound, VerificationOutcome.NotFound), (notFound.Verdict, notFound.Outcome));
        var mismatch = Judge("李四", Electrician, Issue(Today.AddYears(-1)));
        Assert.Equal((RosterVerdict.NameMismatch, VerificationOutcome.NameMismatch), (mismatch.Verdict, mismatch.Outcome));
        Assert.DoesNotContain("张三", mismatch.Reason);
        Assert.Equal(RosterVerdict.Valid, Judge("艾力 . 买买提", Electrician, Issue(Today.AddYears(-1), name: "艾力·买买提")).Verdict);

        Assert.All(new[] { RosterVerdict.NotFound, RosterVerdict.NameMismatch, RosterVerdict.BadId }, v => Assert.Equal(RequiredAction.ReportSuspectedFake, v.ActionFor()));
        Assert.Equal(RequiredAction.ArrangeTraining, RosterVerdict.WrongItem.ActionFor());
        Assert.Equal(RequiredAction.StopWork, RosterVerdict.Expired.ActionFor());
    }

    [Fact]
    public void Rectification_goes_from_report_to_return_to_confirmation_and_is_overdue_only_while_waiting_for_the_employer()
    {
        var at = new DateTimeOffset(2026, 6, 15, 4, 0, 0, TimeSpan.Zero);
        var row = RosterRow.Checked(Guid.NewGuid(), Guid.NewGuid(), 2, "张三", "440106198505201234", null,
            Judge("张三", Electrician, Issue(Today.AddYears(-6).AddDays(-10))));
        Assert.Throws<ArgumentException>(() => RectificationItem.Open(RosterRow.Checked(Guid.NewGuid(), Guid.NewGuid(), 3, "张三", "x", null,
            Judge("张三", Electrician, Issue(Today.AddYears(-1)))), "440100", Today, at));
        var item = RectificationItem.Open(row, "440100", Today.AddDays(30), at);
        Assert.Equal((RectificationStatus.Open, RequiredAction.StopWork), (item.Status, item.RequiredAction));
        Assert.False(item.IsOverdue(Today.AddDays(30)));
        Assert.True(item.IsOverdue(Today.AddDays(31)));

        Assert.Equal("RECTIFY-STATE", Assert.Throws<DomainRuleException>(() => item.Confirm(null, "office", at)).Code);
        item.Report("已停止作业", "employer", at);
        Assert.False(item.IsOverdue(Today.AddDays(31)));
        item.Return("请补充复训计划", "office", at);
        Assert.True(item.IsOverdue(Today.AddDays(31)));
        item.Report("已停止作业并报名复训", "employer", at);
        item.Confirm(null, "office", at);
        Assert.True(item.IsClosed);
        Assert.Equal("RECTIFY-STATE", Assert.Throws<DomainRuleException>(() => item.Report("再次", "employer", at)).Code);

        item.LinkLead(Guid.NewGuid());
        Assert.Equal("RECTIFY-LEAD-EXISTS", Assert.Throws<DomainRuleException>(() => item.LinkLead(Guid.NewGuid())).Code);
    }
}
