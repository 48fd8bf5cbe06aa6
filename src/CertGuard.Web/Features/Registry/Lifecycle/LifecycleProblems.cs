using CertGuard.Core;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>A refused action as an RFC 9457 problem: the domain's stable code and its Chinese message.</summary>
public static class LifecycleProblems
{
    // Refusals because of the certificate's current state, which someone else may have changed: 409. The rest are
    // requests the rules reject whatever the state: 422.
    private static readonly HashSet<string> Conflicts = new(StringComparer.Ordinal)
    {
        "CERT-CONFLICT", "CERT-LIVE-EXISTS", "CERT-ALREADY-REVOKED", "CERT-ALREADY-CANCELLED", "CERT-INTERVAL-ALREADY",
    };

    public static int StatusOf(DomainRuleException refusal) =>
        Conflicts.Contains(refusal.Code) || refusal.Kind == RefusalKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;

    public static ProblemHttpResult From(DomainRuleException refusal) => Problems.Create(StatusOf(refusal), refusal.Code, refusal.Message);

    public static ProblemHttpResult NotFound() => Problems.NotFound("CERT-NOT-FOUND", "未找到该证书，或该证书不在您的管辖范围内。");
}
