namespace CertGuard.Data.Demo;

/// <summary>A clock stopped at one instant: demo history is written as if each step happened on its day.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public static FixedClock On(DateOnly day) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), Core.Time.ChinaTime.Offset).ToUniversalTime());
}
