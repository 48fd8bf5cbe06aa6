using CertGuard.Core;
using CertGuard.Core.Enforcement.Supervision;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>A supervised case counts its days left, flags a late report and an overdue case, and is lifted once with a result.</summary>
public sealed class SupervisedCaseTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);

    private static SupervisedCase Placed(int days = 60, int interval = 15) =>
        new(new SupervisionNotice(Guid.NewGuid(), "440100", "使用伪造证书案", "440000", ByProvince: true, new DateOnly(2026, 9, 1).AddDays(days), interval, "查清来源"), "gd.province", At);

    [Fact]
    public void Days_left_and_flags_follow_the_deadline_and_the_report_interval()
    {
        var s = Placed();

        Assert.Equal(60, s.DaysLeft(new DateOnly(2026, 9, 1)));
        Assert.Equal(new DateOnly(2026, 9, 16), s.NextReportDue);
        Assert.False(s.IsReportOverdue(new DateOnly(2026, 9, 16)));
        Assert.True(s.IsReportOverdue(new DateOnly(2026, 9, 17)));

        s.Report("已调取购买记录", "gz.inspector", At.AddDays(15));
        Assert.Equal(new DateOnly(2026, 10, 1), s.NextReportDue);
        Assert.False(s.IsReportOverdue(new DateOnly(2026, 9, 20)));

        Assert.False(s.IsOverdue(new DateOnly(2026, 10, 31)));
        Assert.True(s.IsOverdue(new DateOnly(2026, 11, 1)));
        Assert.Equal(-1, s.DaysLeft(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void A_lifted_case_is_no_longer_flagged_nor_reported_on()
    {
        var s = Placed();

        Assert.Equal("SUPERVISION-RESULT-REQUIRED", Assert.Throws<DomainRuleException>(() => s.Lift(" ", "gd.province", At)).Code);
        s.Lift("已依法处罚并移送公安机关，同意销号", "gd.province", At.AddDays(70));

        Assert.Equal(SupervisionState.Lifted, s.State);
        Assert.False(s.IsOverdue(new DateOnly(2026, 12, 1)));
        Assert.Equal("SUPERVISION-LIFTED", Assert.Throws<DomainRuleException>(() => s.Report("x", "gz.inspector", At)).Code);
    }

    [Theory]
    [InlineData(0, 15, "SUPERVISION-DEADLINE-PAST")]
    [InlineData(60, 0, "SUPERVISION-INTERVAL")]
    [InlineData(10, 15, "SUPERVISION-INTERVAL")]
    public void A_notice_needs_a_future_deadline_and_an_interval_inside_it(int days, int interval, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainRuleException>(() => Placed(days, interval)).Code);
    }
}
