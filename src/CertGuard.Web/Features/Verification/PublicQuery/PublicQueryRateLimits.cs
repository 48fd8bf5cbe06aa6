using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using CertGuard.Core.Verification;
using CertGuard.Web.Infrastructure;
using CertGuard.Web.Infrastructure.RateLimits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>Marks an endpoint whose <c>no</c> parameter is limited per certificate number.</summary>
public sealed class PerNumberLimit
{
    public static readonly PerNumberLimit Instance = new();
}

/// <summary>
/// ASP.NET Core's rate limiter on the public query, two limits chained: the global limiter counts per certificate
/// number (whoever asks), the endpoint policy per client (address, account, or a solved challenge's pass).
/// Rejections are 429 problems with Retry-After; only the client limit offers the challenge.
/// </summary>
public static class PublicQueryRateLimits
{
    public const string ClientPolicy = "public-query-client";

    public static IServiceCollection AddPublicQueryRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicQueryOptions>, RateLimitStore>((o, query, store) =>
        {
            var perNumber = query.Value.RateLimits.PerNumber;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, ClientLimitPolicy>(ClientPolicy);
            o.AddPolicy<string, ChallengeIssueLimit>(ChallengeIssueLimit.Policy);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<PerNumberLimit>() is null) return RateLimitPartition.GetNoLimiter("");
                var number = CardForensics.Bare(context.Request.Query["no"].ToString());
                if (number.Length is 0 or > PublicQueryService.NumberMaxLength) return RateLimitPartition.GetNoLimiter("");
                return store.TokenBucket("public-query.number", number, perNumber);
            });
            o.OnRejected = (context, _) =>
            {
                var seconds = RetryAfterSeconds(context.Lease);
                return RateLimitProblems.WriteAsync(context.HttpContext, seconds, "PUBLIC-QUERY-NUMBER-LIMITED", "该证号查询过于频繁，请稍后再试。",
                    $"同一证号每分钟最多查询{perNumber.PermitsPerMinute}次（以防他人反复猜测持证人姓名），请在{seconds}秒后再试。", challenge: false);
            };
        });
        return services;
    }

    /// <summary>A token bucket of <see cref="RateLimit.Burst"/>, refilled to <see cref="RateLimit.PermitsPerMinute"/>; replenished by the partitioned limiter's timer.</summary>
    public static TokenBucketRateLimiterOptions Bucket(RateLimit limit)
    {
        var perMinute = Math.Max(1, limit.PermitsPerMinute);
        var (period, tokens) = perMinute <= 60
            ? (TimeSpan.FromSeconds(60.0 / perMinute), 1)
            : (TimeSpan.FromSeconds(1), (int)Math.Ceiling(perMinute / 60.0));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limit.Burst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = false,
        };
    }

    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;

    /// <summary>The client an anonymous request counts against: its IPv4 address, or its IPv6 /64 (one household or phone).</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>
/// The per-client limit: a pass from a solved challenge counts its own queries; a signed-in account or API key (a
/// bound client, accountable) has the higher limit; anyone else counts against their address.
/// </summary>
internal sealed class ClientLimitPolicy(IOptions<PublicQueryOptions> options, QueryChallenges challenges, RateLimitStore store) : IRateLimiterPolicy<string>
{
    public const string PassCookie = "cg-query-pass";
    public const string PassHeader = "X-Query-Pass";

    private const string Limiter = "public-query.client";

    private PublicQueryLimits Limits => options.Value.RateLimits;

    public RateLimitPartition<string> GetPartition(HttpContext context)
    {
        if (PassIdOf(context) is { } pass)
        {
            var challenge = challenges.Options;
            return store.FixedWindow(Limiter, "pass:" + pass, new FixedWindowRateLimiterOptions
            {
                // The pass expires before its window would open again: these are all the queries it buys.
                PermitLimit = Math.Max(1, challenge.PassQueries), Window = challenge.PassLifetime * 2, QueueLimit = 0, AutoReplenishment = false,
            });
        }
        if (context.User.Identity?.IsAuthenticated == true)
            return store.TokenBucket(Limiter, "account:" + context.User.Identity.Name, Limits.BoundClient);
        return store.TokenBucket(Limiter, "address:" + PublicQueryRateLimits.AddressKey(context.Connection.RemoteIpAddress), Limits.PerClient);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var http = context.HttpContext;
        var seconds = PublicQueryRateLimits.RetryAfterSeconds(context.Lease);
        string detail;
        if (PassIdOf(http) is not null)
        {
            // Used up: the next query counts against the address again, or a new challenge buys another pass.
            http.Response.Cookies.Delete(PassCookie, new CookieOptions { Path = PublicQueryApi.PassPath });
            detail = $"本次人机验证换取的{challenges.Options.PassQueries}次查询已用完。请稍后再试，或再次完成人机验证。";
        }
        else if (http.User.Identity?.IsAuthenticated == true)
        {
            detail = $"您的账号可连续查询{Limits.BoundClient.Burst}次，之后每分钟可再查询{Limits.BoundClient.PermitsPerMinute}次；完成人机验证后可继续。批量核验请使用用人单位自查功能。";
        }
        else
        {
            // The wait itself is the Retry-After the page shows once (not repeated here).
            detail = $"为防止批量抓取，每个网络地址可连续查询{Limits.PerClient.Burst}次，之后每分钟可再查询{Limits.PerClient.PermitsPerMinute}次；完成人机验证后可立即继续查询。用人单位、培训机构登录后查询限额更高。";
        }
        await RateLimitProblems.WriteAsync(http, seconds, "PUBLIC-QUERY-RATE-LIMITED", "查询过于频繁，请稍后再试。", detail, challenge: true);
    };

    private static string? PassOf(HttpContext context) =>
        context.Request.Headers[PassHeader].FirstOrDefault() is { Length: > 0 } header ? header : context.Request.Cookies[PassCookie];

    private string? PassIdOf(HttpContext context) => challenges.PassId(PassOf(context));
}

internal static class RateLimitProblems
{
    public static async ValueTask WriteAsync(HttpContext http, int retryAfterSeconds, string code, string title, string detail, bool challenge)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests, Title = ProblemText.OrTable(code, title, Failure.CultureOf(http)), Detail = detail, Type = $"https://certguard.gd.gov.cn/problems/{code}",
            Extensions = { ["code"] = code, ["retryAfter"] = retryAfterSeconds },
        };
        if (challenge) problem.Extensions["challenge"] = PublicQueryApi.ChallengePath;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
