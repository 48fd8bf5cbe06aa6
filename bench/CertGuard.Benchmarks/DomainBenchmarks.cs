using BenchmarkDotNet.Attributes;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;

namespace CertGuard.Benchmarks;

/// <summary>Every import row and every query parses an ID number, half-width or full-width as people type it.</summary>
[MemoryDiagnoser]
public class ResidentIdNumberBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Params("11010519491231002X", "４４０１０６１９８５０５２００１２３")]
    public string IdText { get; set; } = "";

    [Benchmark]
    public bool Parse() => ResidentIdNumber.TryParse(IdText, Today, out _, out _);
}

/// <summary>Every listed certificate evaluates its state against the clock.</summary>
[MemoryDiagnoser]
public class CertificateStateBenchmarks
{
    private readonly TimeProvider _clock = new Fixed(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    private Certificate _certificate = null!;

    [GlobalSetup]
    public void Setup()
    {
        var id = ResidentIdNumber.Parse("440106198505201230", new DateOnly(2026, 11, 25));
        _certificate = Certificate.Issue(new IssueRequest(id, "张三", "1.1", new DateOnly(2022, 1, 10), "440100", Guid.NewGuid(), null, "bench"),
            CertificateRules.Order30, _clock);
    }

    [Benchmark]
    public CertificateState StateAt() => _certificate.StateAt(_clock, CertificateRules.Order30);

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
