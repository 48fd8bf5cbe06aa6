using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// RFC 9457 problem details with a stable <c>code</c> for clients and a <c>title</c>/<c>detail</c> for people: the text of
/// the code in <c>tools/refusal-messages.tsv</c> in the request's language when the table has it, else the one given.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: ProblemText.OrTable(code, title, CultureInfo.CurrentUICulture), type: $"https://certguard.gd.gov.cn/problems/{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(string code, string title) => Create(StatusCodes.Status404NotFound, code, title);

    public static ProblemHttpResult BadRequest(string code, string title, string? detail = null) =>
        Create(StatusCodes.Status400BadRequest, code, title, detail);

    public static ProblemHttpResult Forbidden(string code, string title) => Create(StatusCodes.Status403Forbidden, code, title);

    /// <summary>Writes a problem outside an endpoint (authentication challenges, status codes, exceptions).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string title, string? detail = null)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status, Title = ProblemText.OrTable(code, title, Failure.CultureOf(context)), Detail = detail, Type = $"https://certguard.gd.gov.cn/problems/{code}",
                Extensions = { ["code"] = code },
            },
        }).AsTask();
    }
}
