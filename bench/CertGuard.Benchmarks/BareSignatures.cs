using System.Diagnostics;
using CertGuard.Core.Credentials;

namespace CertGuard.Benchmarks;

/// <summary>
/// The floor of a QR check, without BenchmarkDotNet (seconds, not minutes): bare ES256 signature verifications of one
/// signed CG1 message, on as many threads as asked, for a few seconds. Prints one line a load script can read:
/// <c>bare-signatures threads=2 seconds=5.0 total=… per-second=…</c>.
/// </summary>
public static class BareSignatures
{
    public static void Run(int threads, double seconds)
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var verification = key.ToVerificationKey();
        var now = DateTimeOffset.UtcNow;
        var claims = new Cg1Claims("440100", now, now.AddYears(3), "11010519491231002X", "张三", "M", "11010519491231002X", "1", "1.1",
            new(2023, 1, 10), new(2023, 1, 10), new(2029, 1, 9), new(2026, 1, 10), "440100", "440100-1", 4711);
        var message = CoseSign1.TryDecode(CoseSign1.Sign(key, claims.ToCbor()))!;
        var toBeSigned = message.ToBeSigned();
        var signature = message.Signature;
        for (var i = 0; i < 200; i++) verification.Verify(toBeSigned, signature); // warm-up (JIT, key import)

        var counts = new long[threads];
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long n = 0;
            while (clock.Elapsed < until)
            {
                if (!verification.Verify(toBeSigned, signature)) throw new InvalidOperationException("a genuine signature failed");
                n++;
            }
            counts[t] = n;
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        var total = counts.Sum();
        Console.WriteLine(FormattableString.Invariant($"bare-signatures threads={threads} seconds={elapsed:0.0} total={total} per-second={total / elapsed:0}"));
    }
}
