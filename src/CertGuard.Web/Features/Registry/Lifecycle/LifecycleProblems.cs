using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>The lifecycle API's own problem: the certificate is not there (refusals go to the API's exception handler).</summary>
public static class LifecycleProblems
{
    public static ProblemHttpResult NotFound() => Problems.NotFound("CERT-NOT-FOUND", "未找到该证书，或该证书不在您的管辖范围内。");
}
