using System.Diagnostics;

namespace CertGuard.Cli.Seeding;

/// <summary>
/// Prints a line each time the count passes a multiple of <c>every</c>. Synchronous on purpose:
/// <see cref="Progress{T}"/> would post lines to the thread pool, out of order.
/// </summary>
internal sealed class SeedProgress(TextWriter output, int total, Stopwatch clock, int every) : IProgress<int>
{
    private long _next = every;

    public void Report(int value)
    {
        if (value < _next) return;
        _next = ((long)value / every + 1) * every;
        output.WriteLine(
            $"  已写入 {SeedCommand.Format(value)} / {SeedCommand.Format(total)} 条（{value * 100L / total}%），" +
            $"{SeedCommand.Format(SeedCommand.Rate(value, clock.Elapsed))} 条/秒");
    }
}
