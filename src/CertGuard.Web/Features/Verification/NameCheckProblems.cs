using System.Globalization;
using CertGuard.Data.Verification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Verification;

/// <summary>The API's answer to a name-check limit: 429, its code and text, <c>Retry-After</c> and <c>retryAfter</c>.</summary>
public static class NameCheckProblems
{
    public static ProblemHttpResult TooMany(HttpContext http, NameCheckLimited limited)
    {
        http.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: limited.Refusal.Message,
            type: $"https://certguard.gd.gov.cn/problems/{limited.Code}",
            extensions: new Dictionary<string, object?> { ["code"] = limited.Code, ["retryAfter"] = limited.RetryAfterSeconds });
    }
}
