using CertGuard.Core;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// The one mapping of a refusal's kind to its HTTP status, used by the API's exception handler and the pages' refusal
/// filter alike, so that a code answers with the same status on a page and in the API.
/// </summary>
public static class RefusalStatus
{
    public static int Of(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.TooMany => StatusCodes.Status429TooManyRequests,
        RefusalKind.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static int Of(DomainRuleException refusal) => Of(refusal.Kind);
}
