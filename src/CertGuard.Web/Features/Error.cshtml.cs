using System.Globalization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features;

/// <summary>
/// The page the exception middleware re-executes for a page request that failed: a refusal or a busy database shows
/// its text and status (the same as the API would answer), anything else the generic apology with 500.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public Failure? Failure { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is not { } error) return;
        Failure = Infrastructure.Failure.Of(error, CultureInfo.CurrentUICulture);
        Response.StatusCode = Failure.Status;
        if (Failure.RetryAfter is { } wait)
            Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
