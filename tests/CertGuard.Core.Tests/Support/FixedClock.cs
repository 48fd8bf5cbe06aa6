namespace CertGuard.Core.Tests.Support;

/// <summary>A clock the test sets by hand (FakeTimeProvider is not available without a new package).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    /// <summary>Noon of <paramref name="day"/> in UTC+8: safely inside that Chinese calendar day.</summary>
    public static FixedClock AtChinaNoon(DateOnly day) => new(ChinaNoon(day));

    public static FixedClock AtUtc(int year, int month, int day, int hour, int minute, int second) =>
        new(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero));

    public static DateTimeOffset ChinaNoon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), China);

    public FixedClock SetChinaNoon(DateOnly day)
    {
        Now = ChinaNoon(day);
        return this;
    }
}
