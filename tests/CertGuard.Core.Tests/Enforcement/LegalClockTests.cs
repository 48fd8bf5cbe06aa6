using CertGuard.Core.Enforcement.Clocks;
using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>Legal clocks from the shipped time limits: natural days in China time, pauses, extensions, warnings.</summary>
public sealed class LegalClockTests
{
    private static readonly ReferenceDataVersion Rules = ReferenceDataSet.Shipped.Find("order-30")!;
    private static readonly ProceduralTimeLimit Decision = Rules.TimeLimit("CASE-DECISION")!; // 90 days
    private static readonly ProceduralTimeLimit Payment = Rules.TimeLimit("CASE-PAYMENT")!; // 15 days
    private static readonly ProceduralTimeLimit Limitation = Rules.TimeLimit("CASE-LIMITATION")!; // 2 years
    private static readonly ProceduralTimeLimit TransferSend = Rules.TimeLimit("TRANSFER-SEND")!; // 24 hours

    private static DateTimeOffset China(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));

    private static ClockReading Read(ProceduralTimeLimit limit, DateTimeOffset start, DateTimeOffset now, ClockPause[]? pauses = null, ClockExtension[]? extensions = null, int warnDays = 7) =>
        LegalClock.Read(limit, start, now, pauses ?? [], extensions ?? [], warnDays);

    [Fact]
    public void The_shipped_limits_are_the_ones_the_clock_reads()
    {
        Assert.Equal((90, TimeLimitUnit.Days), (Decision.Amount, Decision.Unit));
        Assert.Equal((15, TimeLimitUnit.Days), (Payment.Amount, Payment.Unit));
        Assert.Equal((2, TimeLimitUnit.Years), (Limitation.Amount, Limitation.Unit));
        Assert.Equal((24, TimeLimitUnit.Hours), (TransferSend.Amount, TransferSend.Unit));
    }

    [Fact]
    public void Days_do_not_count_the_start_day_and_end_at_midnight_China_time()
    {
        // Filed at 23:30 on 1 March China time (15:30 UTC): 90 days later is 30 May, through 23:59:59.
        var reading = Read(Decision, China(2026, 3, 1, 23, 30), China(2026, 3, 2, 9, 0));
        Assert.Equal("CASE-DECISION", reading.Code);
        Assert.Equal(China(2026, 5, 31).AddTicks(-1), reading.Deadline);
        Assert.Equal(TimeSpan.Zero, reading.Deadline.Offset);
        Assert.Equal(89, reading.DaysLeft);
        Assert.Equal(ClockState.Running, reading.State);
    }

    [Fact]
    public void A_start_late_in_the_UTC_day_is_already_the_next_day_in_China()
    {
        // 2026-03-01T16:30Z is 2 March 00:30 in China: the period runs from 2 March.
        var start = new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(China(2026, 3, 18).AddTicks(-1), Read(Payment, start, start).Deadline);
    }

    [Theory]
    [InlineData(7, 7, "Warning")]    // 7 days left with 7 warning days: warn
    [InlineData(8, 7, "Running")]    // 8 days left: not yet
    [InlineData(0, 7, "Warning")]    // the last day
    [InlineData(-1, 7, "Overdue")]   // the day after
    [InlineData(3, 0, "Running")]    // no warning days
    public void Warning_and_overdue_boundaries_are_days_in_China(int daysLeft, int warnDays, string expected)
    {
        var start = China(2026, 1, 10, 10);
        var deadlineDay = new DateOnly(2026, 1, 25); // 15 days
        var now = new DateTimeOffset(deadlineDay.AddDays(-daysLeft).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        var reading = Read(Payment, start, now, warnDays: warnDays);
        Assert.Equal(daysLeft, reading.DaysLeft);
        Assert.Equal(Enum.Parse<ClockState>(expected), reading.State);
    }

    [Fact]
    public void The_last_second_of_the_last_day_is_still_in_time()
    {
        var start = China(2026, 1, 10, 10);
        Assert.Equal(ClockState.Warning, Read(Payment, start, China(2026, 1, 26).AddSeconds(-1)).State);
        Assert.Equal(ClockState.Overdue, Read(Payment, start, China(2026, 1, 26)).State);
    }

    [Fact]
    public void Hours_run_from_the_start_instant()
    {
        var start = China(2026, 4, 1, 15, 20);
        var reading = Read(TransferSend, start, China(2026, 4, 2, 15, 0));
        Assert.Equal(China(2026, 4, 2, 15, 20), reading.Deadline);
        Assert.Equal(0, reading.DaysLeft);
        Assert.Equal(ClockState.Warning, reading.State);
        Assert.Equal(ClockState.Overdue, Read(TransferSend, start, China(2026, 4, 2, 15, 21)).State);
    }

    [Fact]
    public void Years_end_on_the_same_date_and_a_29_February_start_ends_on_28_February()
    {
        Assert.Equal(China(2026, 6, 16).AddTicks(-1), Read(Limitation, China(2024, 6, 15, 8), China(2024, 6, 15, 9)).Deadline);
        Assert.Equal(China(2026, 3, 1).AddTicks(-1), Read(Limitation, China(2024, 2, 29, 8), China(2024, 3, 1)).Deadline);
    }

    [Fact]
    public void A_closed_pause_moves_the_deadline_by_its_days_and_overlaps_count_once()
    {
        var start = China(2026, 3, 1, 10);
        var pauses = new[]
        {
            new ClockPause(China(2026, 3, 10, 9), China(2026, 3, 20, 9), "等待鉴定结论", "gz.enforcement"),
            new ClockPause(China(2026, 3, 15, 9), China(2026, 3, 25, 9), "当事人因不可抗力无法参加调查", "gz.enforcement"),
        };
        var reading = Read(Decision, start, China(2026, 4, 1), pauses);
        // 90 days → 30 May; paused 10–25 March = 15 days → 14 June.
        Assert.Equal(China(2026, 6, 15).AddTicks(-1), reading.Deadline);
        Assert.Equal(ClockState.Running, reading.State);
    }

    [Fact]
    public void An_open_pause_holds_the_clock_and_shows_it_paused()
    {
        var start = China(2026, 3, 1, 10);
        var pause = new ClockPause(China(2026, 5, 20, 9), null, "案件中止", "gz.enforcement");
        var on25May = Read(Decision, start, China(2026, 5, 25, 12), [pause]);
        Assert.Equal(ClockState.Paused, on25May.State);
        Assert.Equal(China(2026, 6, 5).AddTicks(-1), on25May.Deadline); // 30 May + 5 days paused
        var on10June = Read(Decision, start, China(2026, 6, 10, 12), [pause]);
        Assert.Equal(ClockState.Paused, on10June.State);
        Assert.True(on10June.Deadline > China(2026, 6, 10, 12));
    }

    [Fact]
    public void A_pause_for_an_hour_clock_counts_its_exact_time()
    {
        var start = China(2026, 4, 1, 15, 20);
        var pause = new ClockPause(China(2026, 4, 1, 18), China(2026, 4, 1, 20, 30), "系统停机", "gz.enforcement");
        Assert.Equal(China(2026, 4, 2, 17, 50), Read(TransferSend, start, start, [pause]).Deadline);
    }

    [Fact]
    public void Extensions_add_natural_days()
    {
        var start = China(2026, 3, 1, 10);
        var reading = Read(Decision, start, China(2026, 5, 29), extensions: [new ClockExtension(30, "案情复杂，经负责人批准延长", "gz.enforcement")]);
        Assert.Equal(China(2026, 6, 30).AddTicks(-1), reading.Deadline);
        Assert.Equal(ClockState.Running, reading.State);
        Assert.Equal(31, reading.DaysLeft);
    }

    [Theory]
    [InlineData("", "gz.enforcement")]
    [InlineData("案件中止", " ")]
    public void A_pause_or_extension_without_reason_or_approver_is_refused(string reason, string approver)
    {
        var start = China(2026, 3, 1, 10);
        var pause = Assert.Throws<DomainRuleException>(() => Read(Decision, start, start, [new ClockPause(start, null, reason, approver)]));
        Assert.Equal(("CLOCK-CHANGE-UNAPPROVED", RefusalKind.Invalid), (pause.Code, pause.Kind));
        var extension = Assert.Throws<DomainRuleException>(() => Read(Decision, start, start, extensions: [new ClockExtension(10, reason, approver)]));
        Assert.Equal("CLOCK-CHANGE-UNAPPROVED", extension.Code);
    }

    [Fact]
    public void A_pause_ending_before_it_begins_or_an_extension_of_no_days_is_refused()
    {
        var start = China(2026, 3, 1, 10);
        Assert.Equal("CLOCK-PAUSE-RANGE", Assert.Throws<DomainRuleException>(() =>
            Read(Decision, start, start, [new ClockPause(China(2026, 3, 5), China(2026, 3, 4), "理由", "gz.enforcement")])).Code);
        Assert.Equal("CLOCK-EXTENSION-RANGE", Assert.Throws<DomainRuleException>(() =>
            Read(Decision, start, start, extensions: [new ClockExtension(0, "理由", "gz.enforcement")])).Code);
    }
}
