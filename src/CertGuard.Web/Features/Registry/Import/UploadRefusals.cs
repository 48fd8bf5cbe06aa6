using CertGuard.Core;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// The status of an upload's refusal: by its kind (413 too large, 422 not a sheet to read, 503 busy with
/// Retry-After), except the legacy inline-message refusals, which keep the status the upload gave them before.
/// A bridge for the upload endpoints until the central refusal mapping answers every endpoint the same way.
/// </summary>
public static class UploadRefusals
{
    public static int StatusOf(DomainRuleException refusal, int legacy) =>
        refusal.Kind == RefusalKind.Invalid && !RefusalMessages.Has(refusal.Code) ? legacy : refusal.Kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.TooMany => StatusCodes.Status429TooManyRequests,
        RefusalKind.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>Sets Retry-After on a 429 or 503, as the client should wait before trying again.</summary>
    public static int Answer(HttpContext http, DomainRuleException refusal, int legacy)
    {
        var status = StatusOf(refusal, legacy);
        if (status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests)
            http.Response.Headers.RetryAfter = http.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return status;
    }

    public static ProblemHttpResult Problem(HttpContext http, DomainRuleException refusal, int legacy) =>
        Problems.Create(Answer(http, refusal, legacy), refusal.Code, refusal.Message);
}
