using CertGuard.Core.Time;

namespace CertGuard.Data.Instances;

/// <summary>
/// The scheduled slot a run serves, the same on every instance whatever its start time: the latest daily time of day
/// (China time) at or before now, or the start of the current interval counted from the Unix epoch.
/// </summary>
public static class JobSlots
{
    /// <summary>The latest <paramref name="runAt"/> (UTC+8) at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset Daily(DateTimeOffset now, TimeOnly runAt)
    {
        var china = ChinaTime.ToChina(now);
        var today = new DateTimeOffset(DateOnly.FromDateTime(china.DateTime).ToDateTime(runAt), ChinaTime.Offset);
        return (today <= now ? today : today.AddDays(-1)).ToUniversalTime();
    }

    /// <summary>The start of the <paramref name="interval"/> that holds <paramref name="now"/>.</summary>
    public static DateTimeOffset Every(DateTimeOffset now, TimeSpan interval)
    {
        var ticks = Math.Max(interval.Ticks, TimeSpan.TicksPerSecond);
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(sinceEpoch - sinceEpoch % ticks);
    }

    /// <summary>The next interval's start after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextEvery(DateTimeOffset now, TimeSpan interval) =>
        Every(now, interval).AddTicks(Math.Max(interval.Ticks, TimeSpan.TicksPerSecond));
}
