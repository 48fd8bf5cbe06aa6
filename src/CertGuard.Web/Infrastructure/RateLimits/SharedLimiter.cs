using System.Diagnostics;
using System.Threading.RateLimiting;

namespace CertGuard.Web.Infrastructure.RateLimits;

/// <summary>A shared limit's rule: a token bucket (capacity, tokens a second) or a fixed window (permits, seconds).</summary>
public sealed record SharedRule(bool IsWindow, double Capacity, double Rate)
{
    public static SharedRule Bucket(double capacity, double tokensPerSecond) => new(false, capacity, tokensPerSecond);

    public static SharedRule Window(double permits, double seconds) => new(true, permits, Math.Max(1, seconds));
}

/// <summary>
/// One partition of a shared limit, as a <see cref="RateLimiter"/> the ASP.NET Core middleware and the partitioned
/// limiters use unchanged. It keeps no count: the synchronous attempt answers "not known here", which sends the
/// middleware to <see cref="AcquireAsyncCore"/>, where one statement on the database takes the permit or says how long
/// to wait (the Retry-After).
/// </summary>
internal sealed class SharedLimiter(PostgresRateCounters counters, string limiter, string key, SharedRule rule) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    // Idle once unused for a while: the partitioned limiter then drops this object (the count stays in the database).
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? SharedLease.Granted : SharedLease.Unknown;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0) return SharedLease.Granted;
        var (granted, retryAfter) = await counters.TakeAsync(limiter, key, rule, cancellationToken);
        return granted ? SharedLease.Granted : new SharedLease(false, retryAfter);
    }
}

internal sealed class SharedLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly SharedLease Granted = new(true, null);

    /// <summary>The synchronous attempt's answer: not acquired and no wait named, so the caller asks asynchronously.</summary>
    public static readonly SharedLease Unknown = new(false, null);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }
        metadata = null;
        return false;
    }
}
