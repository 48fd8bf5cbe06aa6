using CertGuard.Core;
using Microsoft.AspNetCore.Diagnostics;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// Turns every failure under /api into a problem with a stable code and a text in the request's language: refusals
/// by their kind, a concurrent change 409, a too-large body 413, a busy database 503 with Retry-After, the rest 500.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The exception middleware has already rewritten the path to /error: the request's own path is in the feature.
        if (!ApiPaths.IsApi(ApiPaths.OriginalPath(context))) return false;
        var failure = Failure.Of(exception, Failure.CultureOf(context));
        if (failure.Unexpected) logger.LogError(exception, "Unhandled error on {Path}", ApiPaths.OriginalPath(context));
        if (failure.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.WriteAsync(context, failure.Status, failure.Code, failure.Title);
        return true;
    }
}

internal static class ApiPaths
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    /// <summary>The path the client asked for, also while the exception middleware re-executes at /error.</summary>
    public static PathString OriginalPath(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { Length: > 0 } original ? new PathString(original) : context.Request.Path;

    /// <summary>Status codes without a body (404 of an unknown route, 405 …) become problems too.</summary>
    public static async Task WriteStatusProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!IsApi(OriginalPath(http))) return;
        var culture = Failure.CultureOf(http);
        var (code, title) = http.Response.StatusCode switch
        {
            404 => Described(Refusal.NotFound("NOT-FOUND")),
            403 => Described(Refusal.Forbidden("FORBIDDEN")),
            413 => Described(Refusal.TooLarge("REQUEST-TOO-LARGE")),
            400 => ("BAD-REQUEST", ProblemText.Of("BAD-REQUEST", culture)),
            405 => ("METHOD-NOT-ALLOWED", ProblemText.Of("METHOD-NOT-ALLOWED", culture)),
            401 => ("UNAUTHENTICATED", ProblemText.Of("UNAUTHENTICATED", culture)),
            415 => ("UNSUPPORTED-MEDIA-TYPE", ProblemText.Of("UNSUPPORTED-MEDIA-TYPE", culture)),
            _ => ("HTTP-" + http.Response.StatusCode, ProblemText.Of("REQUEST-FAILED", culture)),
        };
        await Problems.WriteAsync(http, http.Response.StatusCode, code, title);

        (string, string) Described(DomainRuleException refusal) => (refusal.Code, refusal.Describe(culture));
    }
}
