using CertGuard.Core;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// A refusal returned (not thrown) by a gate, answered as a problem with the status of its kind and its text from
/// the refusal table. Where the central mapping of thrown refusals exists, this mirrors it.
/// </summary>
internal static class RefusalProblems
{
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.TooMany => StatusCodes.Status429TooManyRequests,
        RefusalKind.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemHttpResult Of(DomainRuleException refusal, HttpContext http)
    {
        if (refusal.Arguments.TryGetValue("seconds", out var seconds) && seconds is int retryAfter)
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Create(StatusOf(refusal.Kind), refusal.Code, refusal.Message);
    }
}
