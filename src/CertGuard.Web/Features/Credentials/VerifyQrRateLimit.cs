using System.Threading.RateLimiting;
using CertGuard.Core;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Infrastructure.RateLimits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// The limit on <c>POST /api/v1/verify/qr</c>: per client address like the public query, higher for a signed-in
/// account or API key (accountable). Each check verifies a signature and reads the registry; unlimited, it was a
/// free load generator and a way to fill the verification log.
/// </summary>
internal sealed class VerifyQrRateLimit(IOptions<CredentialOptions> options, RateLimitStore store) : IRateLimiterPolicy<string>
{
    public const string Policy = "verify-qr-client";

    public static string ClientKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "account:" + context.User.Identity.Name
            : "address:" + PublicQueryRateLimits.AddressKey(context.Connection.RemoteIpAddress);

    public RateLimitPartition<string> GetPartition(HttpContext context)
    {
        var limits = options.Value.VerifyQr;
        var key = ClientKey(context);
        var limit = key.StartsWith("account:", StringComparison.Ordinal) ? limits.BoundClient : limits.PerClient;
        return store.TokenBucket(Policy, key, limit);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var seconds = PublicQueryRateLimits.RetryAfterSeconds(context.Lease);
        var refusal = Refusal.TooMany("VERIFY-QR-RATE-LIMITED", ("seconds", seconds));
        return RateLimitProblems.WriteAsync(context.HttpContext, seconds, refusal.Code, refusal.Message, refusal.Message, challenge: false);
    };
}
