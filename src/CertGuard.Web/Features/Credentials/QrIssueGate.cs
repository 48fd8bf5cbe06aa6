using System.Threading.RateLimiting;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Web.Features.Verification.PublicQuery;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// Who may obtain a certificate's signed QR (API text/PNG/SVG and the print page), and how often. The QR carries the
/// holder's full ID number, so it is handed out like one: only the issuing authority of the certificate's city (it
/// prints the card) and the province office (which holds full numbers for the whole province, as for exports); police,
/// regulators, city offices, employers and institutions read masked numbers and verify QR codes, they do not make
/// them. The holder's own flows start from the card the holder already has. Each account (with its API keys) has a
/// token bucket (<see cref="QrIssueOptions.PerAccount"/>), so even an allowed account cannot harvest a city.
/// </summary>
public sealed class QrIssueGate : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public QrIssueGate(IOptions<CredentialOptions> options)
    {
        var limit = options.Value.QrIssue.PerAccount;
        _limiter = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.GetTokenBucketLimiter(account, _ => PublicQueryRateLimits.Bucket(limit)));
    }

    /// <summary>Whether the role may obtain QR codes at all (before any certificate is looked up: no existence oracle).</summary>
    public static bool MayIssueAny(AccessScope scope) => scope.Role == Role.ProvinceOffice || scope.Role == Role.IssuingAuthority;

    public static bool MayIssue(AccessScope scope, Certificate certificate) =>
        scope.Role == Role.ProvinceOffice || (scope.Role == Role.IssuingAuthority && scope.CityCode == certificate.RegionCode);

    /// <summary>Refuses a role that may not obtain QR codes, then takes one from the account's bucket; null when allowed.</summary>
    public DomainRuleException? Admit(AccessScope scope, string account)
    {
        if (!MayIssueAny(scope)) return Refusal.Forbidden("QR-ISSUE-FORBIDDEN");
        using var lease = _limiter.AttemptAcquire(account);
        return lease.IsAcquired ? null : Refusal.TooMany("QR-ISSUE-RATE-LIMITED", ("seconds", PublicQueryRateLimits.RetryAfterSeconds(lease)));
    }

    public void Dispose() => _limiter.Dispose();
}
