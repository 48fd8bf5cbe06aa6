using CertGuard.Core.Campaigns;

namespace CertGuard.Core.Tests.Campaigns;

/// <summary>"每月25日前报送当月": the deadline is the end of the 25th, China time; a submission freezes.</summary>
public sealed class MonthlyReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_deadline_is_the_end_of_the_25th_in_China()
    {
        var report = new MonthlyReport(Guid.NewGuid(), "440100", new DateOnly(2026, 11, 7), Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero), report.DueBy);
    }

    [Fact]
    public void A_report_submitted_on_the_25th_is_on_time_and_one_a_minute_later_is_late()
    {
        var onTime = new MonthlyReport(Guid.NewGuid(), "440100", new DateOnly(2026, 11, 1), Start);
        onTime.Submit("gz.office", new DateTimeOffset(2026, 11, 25, 23, 59, 0, TimeSpan.FromHours(8)));
        var late = new MonthlyReport(Guid.NewGuid(), "440300", new DateOnly(2026, 11, 1), Start);
        Assert.True(late.FlagIfOverdue(new DateTimeOffset(2026, 11, 26, 0, 1, 0, TimeSpan.FromHours(8))));
        late.Submit("sz.office", new DateTimeOffset(2026, 11, 26, 0, 1, 0, TimeSpan.FromHours(8)));
        Assert.False(onTime.Late);
        Assert.True(late.Late);
        Assert.Equal(onTime.SubmittedAt, onTime.CutOff);
    }

    [Fact]
    public void A_submitted_report_is_frozen_until_returned_with_a_reason()
    {
        var report = new MonthlyReport(Guid.NewGuid(), "440100", new DateOnly(2026, 11, 1), Start);
        report.Submit("gz.office", Start.AddDays(20));
        Assert.Equal("REPORT-FROZEN", Assert.Throws<DomainRuleException>(() => report.Submit("gz.office", Start.AddDays(21))).Code);
        Assert.Equal("REPORT-RETURN-REASON", Assert.Throws<DomainRuleException>(() => report.Return("  ", "gd.office", Start.AddDays(21))).Code);
        report.Return("第21项与案件数不符", "gd.office", Start.AddDays(21));
        report.Submit("gz.office", Start.AddDays(22));
        Assert.Equal(MonthlyReportState.Submitted, report.State);
        Assert.False(report.Late);
        Assert.Null(report.ReturnReason);
    }
}
