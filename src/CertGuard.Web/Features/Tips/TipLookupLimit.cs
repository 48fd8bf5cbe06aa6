using System.Threading.RateLimiting;
using CertGuard.Core;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Infrastructure.RateLimits;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Tips;

/// <summary>A look-up refused past the limit: the message, the wait, and whether the challenge lets the client go on.</summary>
public sealed record TipLookupRefusal(string Code, string Title, string Detail, int RetryAfterSeconds);

/// <summary>
/// The per-client limit on look-ups by receipt (each costs an Argon2id, and guessing receipts is what it stops): the
/// public query's limits and its proof-of-work pass (<c>PublicQuery:RateLimits</c>, <c>PublicQuery:Challenge</c>), one
/// bucket set for the follow-up page and the API. A pass comes in the page's form (the pass cookie's path is the API's),
/// the <c>X-Query-Pass</c> header or the cookie. Checked by the page itself, so past the limit the page can show the
/// challenge instead of a bare 429; the API answers the query's kind of problem with the challenge's address.
/// </summary>
public sealed class TipLookupLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly QueryChallenges _challenges;
    private readonly PublicQueryLimits _limits;

    private const string Limiter = "tip-lookup";

    public TipLookupLimit(IOptions<PublicQueryOptions> options, QueryChallenges challenges, RateLimitStore store)
    {
        _challenges = challenges;
        _limits = options.Value.RateLimits;
        var pass = challenges.Options;
        _limiter = PartitionedRateLimiter.Create<string, string>(key =>
            key.StartsWith("pass:", StringComparison.Ordinal)
                ? store.FixedWindow(Limiter, key, new FixedWindowRateLimiterOptions
                {
                    // As the query's pass: it expires before its window would open again.
                    PermitLimit = Math.Max(1, pass.PassQueries), Window = pass.PassLifetime * 2, QueueLimit = 0, AutoReplenishment = false,
                })
                : store.TokenBucket(Limiter, key, key.StartsWith("account:", StringComparison.Ordinal) ? _limits.BoundClient : _limits.PerClient));
    }

    /// <summary>Takes one look-up for this client; null when allowed, else what to tell them.</summary>
    public async ValueTask<TipLookupRefusal?> TryAcquireAsync(HttpContext http, string? formPass = null)
    {
        var passText = formPass is { Length: > 0 } ? formPass
            : http.Request.Headers[ClientLimitPolicy.PassHeader].FirstOrDefault() is { Length: > 0 } header ? header
            : http.Request.Cookies[ClientLimitPolicy.PassCookie];
        var passId = _challenges.PassId(passText);
        var key = passId is not null ? "pass:" + passId
            : http.User.Identity?.IsAuthenticated == true ? "account:" + http.User.Identity.Name
            : "address:" + PublicQueryRateLimits.AddressKey(http.Connection.RemoteIpAddress);
        // Asynchronous: with the shared store (RateLimits:Store=Postgres) the permit is taken in the database.
        using var lease = await _limiter.AcquireAsync(key, cancellationToken: http.RequestAborted);
        if (lease.IsAcquired) return null;
        var seconds = PublicQueryRateLimits.RetryAfterSeconds(lease);
        var limit = http.User.Identity?.IsAuthenticated == true ? _limits.BoundClient : _limits.PerClient;
        var refusal = passId is not null
            ? Refusal.TooMany("TIP-LOOKUP-PASS-SPENT", ("queries", _challenges.Options.PassQueries))
            : Refusal.TooMany("TIP-LOOKUP-LIMITED", ("burst", limit.Burst), ("perMinute", limit.PermitsPerMinute));
        // The query's own title ("查询过于频繁"), the detail this limit's.
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var title = RefusalMessages.TryFormat("PUBLIC-QUERY-RATE-LIMITED", new Dictionary<string, object?>(), culture, out var text) ? text : refusal.Code;
        return new TipLookupRefusal(refusal.Code, title, refusal.Message, seconds);
    }

    /// <summary>For the API: past the limit, the query's kind of 429 problem (Retry-After, the challenge's address).</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await http.RequestServices.GetRequiredService<TipLookupLimit>().TryAcquireAsync(http) is { } refused)
        {
            if (refused.Code == "TIP-LOOKUP-PASS-SPENT") http.Response.Cookies.Delete(ClientLimitPolicy.PassCookie, new CookieOptions { Path = PublicQueryApi.PassPath });
            await RateLimitProblems.WriteAsync(http, refused.RetryAfterSeconds, refused.Code, refused.Title, refused.Detail, challenge: true);
            return Results.Empty;
        }
        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
