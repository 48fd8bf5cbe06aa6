using System.Threading.RateLimiting;
using CertGuard.Web.Features.Verification.PublicQuery;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Audit;

/// <summary>The <c>Audit:Reads</c> section: how fast one account may page through the audit log.</summary>
public sealed class AuditReadOptions
{
    public const string Section = "Audit:Reads";

    public int PermitsPerMinute { get; set; } = 30;

    public int Burst { get; set; } = 10;
}

/// <summary>
/// The audit API per account (a token bucket): an auditor's key reads what a person reviews, not the whole log in a
/// loop. 429 problem with Retry-After.
/// </summary>
internal sealed class AuditReadLimit(IOptions<AuditReadOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "audit-read";

    public RateLimitPartition<string> GetPartition(HttpContext context) =>
        RateLimitPartition.GetTokenBucketLimiter("audit:" + (context.User.Identity?.Name ?? PublicQueryRateLimits.AddressKey(context.Connection.RemoteIpAddress)),
            _ => PublicQueryRateLimits.Bucket(new RateLimit { PermitsPerMinute = options.Value.PermitsPerMinute, Burst = options.Value.Burst }));

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var seconds = PublicQueryRateLimits.RetryAfterSeconds(context.Lease);
        return RateLimitProblems.WriteAsync(context.HttpContext, seconds, "AUDIT-READ-LIMITED", "审计日志读取过于频繁，请稍后再试。",
            $"每个账号每分钟最多读取审计日志{options.Value.PermitsPerMinute}次，请在{seconds}秒后再试。", challenge: false);
    };
}
