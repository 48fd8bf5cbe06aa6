using System.Threading.RateLimiting;
using CertGuard.Core;
using CertGuard.Web.Infrastructure.RateLimits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// The limit on fetching challenges (<c>GET /api/v1/public/challenge</c>), per client address or account: each
/// challenge costs the server a signature, and an unlimited supply let a client shop for work to do in bulk.
/// </summary>
internal sealed class ChallengeIssueLimit(IOptions<PublicQueryOptions> options, RateLimitStore store) : IRateLimiterPolicy<string>
{
    public const string Policy = "public-challenge-issue";

    public static string ClientKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "account:" + context.User.Identity.Name
            : "address:" + PublicQueryRateLimits.AddressKey(context.Connection.RemoteIpAddress);

    public RateLimitPartition<string> GetPartition(HttpContext context) =>
        store.TokenBucket(Policy, ClientKey(context), options.Value.Challenge.IssuesPerClient);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var seconds = PublicQueryRateLimits.RetryAfterSeconds(context.Lease);
        var refusal = Refusal.TooMany("PUBLIC-CHALLENGE-LIMITED", ("seconds", seconds));
        return RateLimitProblems.WriteAsync(context.HttpContext, seconds, refusal.Code, refusal.Message, refusal.Message, challenge: false);
    };
}
