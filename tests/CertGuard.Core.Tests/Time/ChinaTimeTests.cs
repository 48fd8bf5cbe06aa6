using CertGuard.Core.Tests.Support;
using CertGuard.Core.Time;

namespace CertGuard.Core.Tests.Time;

public sealed class ChinaTimeTests
{
    [Fact]
    public void The_offset_is_eight_hours()
    {
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Offset);
    }

    [Theory]
    [InlineData("2026-05-31T15:59:59Z", 2026, 5, 31)]
    [InlineData("2026-05-31T16:00:00Z", 2026, 6, 1)]
    [InlineData("2026-05-30T16:00:00Z", 2026, 5, 31)]
    [InlineData("2026-05-30T15:59:59Z", 2026, 5, 30)]
    [InlineData("2026-12-31T16:00:00Z", 2027, 1, 1)]
    [InlineData("2024-02-28T16:30:00Z", 2024, 2, 29)]
    [InlineData("2026-05-31T10:00:00-05:00", 2026, 5, 31)] // 15:00Z = 23:00 CST
    [InlineData("2026-05-31T20:00:00-05:00", 2026, 6, 1)]  // 01:00Z next day = 09:00 CST
    public void DateOf_gives_the_calendar_day_in_UTC_plus_8(string instant, int y, int m, int d)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var expected = new DateOnly(y, m, d);
        // Independent: shift the UTC instant by eight hours and read its date.
        Assert.Equal(DateOnly.FromDateTime(at.UtcDateTime.AddHours(8)), ChinaTime.DateOf(at));
        Assert.Equal(expected, ChinaTime.DateOf(at));
    }

    [Fact]
    public void DateOf_does_not_depend_on_the_offset_the_instant_is_written_in()
    {
        var utc = new DateTimeOffset(2026, 5, 31, 15, 30, 0, TimeSpan.Zero); // 23:30 CST on 31 May
        Assert.Equal(new DateOnly(2026, 5, 31), ChinaTime.DateOf(utc));
        Assert.Equal(new DateOnly(2026, 5, 31), ChinaTime.DateOf(utc.ToOffset(TimeSpan.FromHours(-10)))); // 30 May locally
        Assert.Equal(new DateOnly(2026, 5, 31), ChinaTime.DateOf(utc.ToOffset(TimeSpan.FromHours(12))));  // 1 June locally
    }

    [Fact]
    public void Today_reads_the_clock_in_UTC_plus_8()
    {
        Assert.Equal(new DateOnly(2026, 6, 1), ChinaTime.Today(FixedClock.AtUtc(2026, 5, 31, 16, 0, 0)));
        Assert.Equal(new DateOnly(2026, 5, 31), ChinaTime.Today(FixedClock.AtUtc(2026, 5, 31, 15, 59, 59)));
        Assert.Equal(new DateOnly(2026, 5, 31), ChinaTime.Today(FixedClock.AtUtc(2026, 5, 30, 16, 0, 0)));
    }

    [Fact]
    public void EndOfDay_is_the_last_tick_before_midnight_in_UTC_plus_8()
    {
        var end = ChinaTime.EndOfDay(new DateOnly(2026, 5, 31));

        Assert.Equal(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero).AddTicks(-1), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
        Assert.Equal(new DateOnly(2026, 5, 31), ChinaTime.DateOf(end));
        Assert.Equal(new DateOnly(2026, 6, 1), ChinaTime.DateOf(end.AddTicks(1)));
    }

    [Fact]
    public void StartOfDay_is_midnight_in_UTC_plus_8()
    {
        var start = ChinaTime.StartOfDay(new DateOnly(2026, 6, 1));

        Assert.Equal(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateOnly(2026, 6, 1), ChinaTime.DateOf(start));
        Assert.Equal(new DateOnly(2026, 5, 31), ChinaTime.DateOf(start.AddTicks(-1)));
        Assert.Equal(start, ChinaTime.EndOfDay(new DateOnly(2026, 5, 31)).AddTicks(1));
    }

    [Fact]
    public void ToChina_keeps_the_instant_and_shows_it_at_plus_8()
    {
        var utc = new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero);
        var china = ChinaTime.ToChina(utc);
        Assert.Equal(utc, china);
        Assert.Equal(TimeSpan.FromHours(8), china.Offset);
        Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0), china.DateTime);
    }
}
