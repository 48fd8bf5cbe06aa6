using CertGuard.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// A page that shows a refusal in its own alert: it sets the alert's text and loads what it needs to render again,
/// keeping what the visitor typed (the bound properties are still on the model).
/// </summary>
public interface IShowsRefusals
{
    Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct);
}

/// <summary>
/// The one place where pages turn a refusal into a response: the status from <see cref="RefusalStatus"/> (the same as
/// the API's) and the page's alert. A page that does not show refusals itself leaves it to the error page, which shows
/// the text with the same status.
/// </summary>
public sealed class RefusalPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not DomainRuleException refusal) return;
        if (executed.HandlerInstance is not IShowsRefusals page) return;
        // The same status and wait as the API's answer (Failure), so a limit reads alike on a page and in the API.
        var failure = Failure.Of(refusal, Failure.CultureOf(context.HttpContext));
        var status = failure.Status;
        context.HttpContext.Response.StatusCode = status;
        if (failure.RetryAfter is { } wait)
            context.HttpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await page.ShowRefusalAsync(refusal, context.HttpContext.RequestAborted);
        if (result is PageResult shown) shown.StatusCode = status;
        executed.Result = result;
        executed.ExceptionHandled = true;
    }
}
