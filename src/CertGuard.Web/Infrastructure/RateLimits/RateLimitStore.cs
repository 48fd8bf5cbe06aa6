using System.Threading.RateLimiting;
using CertGuard.Web.Features.Verification.PublicQuery;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Infrastructure.RateLimits;

/// <summary>
/// Where every public limiter gets its partitions: in memory (one instance, exactly the limiters of before), or
/// shared by all instances through PostgreSQL (<see cref="RateLimitStoreKind.Postgres"/>). The limiters keep their
/// policies, 429 problems, Retry-After and challenge; only where the counting happens changes.
/// </summary>
public sealed class RateLimitStore(IOptions<RateLimitStoreOptions> options, IServiceProvider services)
{
    private PostgresRateCounters? Shared => options.Value.Store == RateLimitStoreKind.Postgres ? services.GetRequiredService<PostgresRateCounters>() : null;

    public bool IsShared => options.Value.Store == RateLimitStoreKind.Postgres;

    /// <summary>A token bucket of <paramref name="limit"/> for <paramref name="key"/> within the limit named <paramref name="limiter"/>.</summary>
    public RateLimitPartition<string> TokenBucket(string limiter, string key, RateLimit limit) =>
        Shared is { } shared
            ? RateLimitPartition.Get(key, k => new SharedLimiter(shared, limiter, k, SharedRule.Bucket(Math.Max(1, limit.Burst), Math.Max(1, limit.PermitsPerMinute) / 60.0)))
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => PublicQueryRateLimits.Bucket(limit));

    /// <summary>A fixed window for <paramref name="key"/>: <see cref="FixedWindowRateLimiterOptions.PermitLimit"/> per <see cref="FixedWindowRateLimiterOptions.Window"/>.</summary>
    public RateLimitPartition<string> FixedWindow(string limiter, string key, FixedWindowRateLimiterOptions window) =>
        Shared is { } shared
            ? RateLimitPartition.Get(key, k => new SharedLimiter(shared, limiter, k, SharedRule.Window(Math.Max(1, window.PermitLimit), window.Window.TotalSeconds)))
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => window);
}
