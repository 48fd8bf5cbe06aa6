using System.Diagnostics;
using System.Globalization;

namespace CertGuard.Testing;

/// <summary>
/// How long each fixture start and template build took, one line each, appended to the file named by
/// <c>CERTGUARD_TEST_TIMINGS</c> when it is set (nothing otherwise): the figures behind docs/benchmarks.md
/// ("Test suite speed"). Never asserted: timings on a shared machine are evidence, not test outcomes.
/// </summary>
public static class StartTimings
{
    public const string Variable = "CERTGUARD_TEST_TIMINGS";

    private static readonly Lock Gate = new();

    public static void Record(string what, long startedTimestamp)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } file) return;
        var seconds = Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss}\t{seconds:F2}\t{what}\n");
        lock (Gate) File.AppendAllText(file, line);
    }
}
