using System.Globalization;
using CertGuard.Core;
using CertGuard.Data.Database;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// What a request that failed with an exception answers: status, stable code, the text in the request's language and,
/// for a busy database, when to try again. The API writes it as a problem, the error page shows it.
/// </summary>
public sealed record Failure(int Status, string Code, string Title, TimeSpan? RetryAfter, bool Unexpected)
{
    public static Failure Of(Exception exception, CultureInfo culture)
    {
        var refusal = exception switch
        {
            DomainRuleException rule => rule,
            // Two writers changed the same row: the second one reloads and tries again.
            DbUpdateConcurrencyException => Refusal.Conflict("CONCURRENT-CHANGE"),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Refusal.TooLarge("REQUEST-TOO-LARGE"),
            // The form reader's limits (multipart body, value count, value length) are too large a request as well.
            InvalidDataException limit when limit.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => Refusal.TooLarge("REQUEST-TOO-LARGE"),
            _ when BusyDatabase.Is(exception) => Refusal.Busy("DATABASE-BUSY", ("seconds", (int)BusyDatabase.RetryAfter.TotalSeconds)),
            _ => null,
        };
        if (refusal is not null)
        {
            return new(RefusalStatus.Of(refusal), refusal.Code, refusal.Describe(culture),
                refusal.Kind is RefusalKind.Busy or RefusalKind.TooMany ? WaitOf(refusal) : null, Unexpected: false);
        }
        return exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => new(408, "REQUEST-TIMEOUT", ProblemText.Of("REQUEST-TIMEOUT", culture), null, false),
            BadHttpRequestException bad => new(bad.StatusCode, "BAD-REQUEST", ProblemText.Of("BAD-REQUEST", culture), null, false),
            // A body that cannot be read as what it claims to be (a broken multipart form or zip).
            InvalidDataException => new(StatusCodes.Status400BadRequest, "BAD-REQUEST", ProblemText.Of("BAD-REQUEST", culture), null, false),
            _ => new(StatusCodes.Status500InternalServerError, "INTERNAL-ERROR", ProblemText.Of("INTERNAL-ERROR", culture), null, Unexpected: true),
        };
    }

    /// <summary>
    /// The language the visitor chose. Read from the request's feature, not the thread: the exception and status-code
    /// middleware run outside the localisation middleware, where its culture no longer applies.
    /// </summary>
    public static CultureInfo CultureOf(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? WebServices.Cultures[0];

    /// <summary>The wait a refusal names (<c>seconds</c>, e.g. a rate limit's), else the busy database's.</summary>
    private static TimeSpan WaitOf(DomainRuleException refusal) =>
        refusal.Arguments.TryGetValue("seconds", out var seconds) && seconds is int wait and > 0 ? TimeSpan.FromSeconds(wait) : BusyDatabase.RetryAfter;
}

/// <summary>Texts of the generic problems that are not refusals of the domain (400, 401, 405 …), from the same table.</summary>
public static class ProblemText
{
    private static readonly Dictionary<string, object?> NoArguments = [];

    public static string Of(string code, CultureInfo culture) =>
        RefusalMessages.TryFormat(code, NoArguments, culture, out var text) ? text : code;

    /// <summary>The table's text of a code that takes no arguments, else the given one (an endpoint's own message).</summary>
    public static string OrTable(string code, string title, CultureInfo culture) =>
        RefusalMessages.TryFormat(code, NoArguments, culture, out var text) && !text.Contains('{', StringComparison.Ordinal) ? text : title;
}
