namespace CertGuard.Core.Time;

/// <summary>
/// Every date rule is evaluated in China Standard Time (UTC+8, no daylight saving), whatever the server's zone.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The last instant of <paramref name="date"/> in UTC+8, as UTC: "valid to D" holds through this.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) =>
        new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).AddTicks(-1).ToUniversalTime();

    public static DateTimeOffset StartOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
