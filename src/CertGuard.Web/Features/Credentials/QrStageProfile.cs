using System.Diagnostics;
using System.Globalization;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// Where a QR check's time goes, for the load script's profile (docs/benchmarks.md): wall time per stage summed over
/// every check, written to the app's log at shut-down. Off unless <c>Credentials:VerifyQr:ProfileStages</c> is set:
/// then each stage costs two timestamps; off, one static read.
/// </summary>
public static class QrStageProfile
{
    public enum Stage { Total, Keys, StatusLists, Signature, Registry, RoundTrip, LogLookup, LogQueue }

    private static readonly long[] Ticks = new long[Enum.GetValues<Stage>().Length];
    private static readonly long[] Counts = new long[Ticks.Length];

    public static bool Enabled { get; set; }

    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    public static void Add(Stage stage, long start)
    {
        if (!Enabled) return;
        Interlocked.Add(ref Ticks[(int)stage], Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref Counts[(int)stage]);
    }

    /// <summary>One line: per stage, how many times it ran and its mean wall time in microseconds.</summary>
    public static string Summary() => "qr-profile " + string.Join(" ", Enum.GetValues<Stage>()
        .Where(s => Interlocked.Read(ref Counts[(int)s]) > 0)
        .Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s}={Interlocked.Read(ref Counts[(int)s])}x{Interlocked.Read(ref Ticks[(int)s]) * 1_000_000.0 / Stopwatch.Frequency / Interlocked.Read(ref Counts[(int)s]):F0}us")));
}
