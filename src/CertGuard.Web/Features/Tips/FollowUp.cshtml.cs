using CertGuard.Core;
using CertGuard.Core.Tips;
using CertGuard.Data.Tips;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Tips;

/// <summary>
/// Follow-up by receipt: posted in the form's body, never in the address, so it stays out of logs and history. Limited
/// per client like the public query (<see cref="TipLookupLimit"/>): past the limit the page answers 429 with the
/// challenge, which the browser solves (query/pow-worker.js) and posts again with the pass it bought. The page keeps the
/// receipt and the pass only in this answer's forms, for a reply or a claim.
/// </summary>
[RequestSizeLimit(PublicTipsApi.MaxRequestBytes)]
public sealed class FollowUpModel(TipFollowUp followUp, IOptions<TipOptions> options, TipLookupLimit limit) : PageModel, IShowsRefusals
{
    [BindProperty] public string? Receipt { get; set; }
    /// <summary>A pass from a solved challenge (<c>POST /api/v1/public/challenge</c>), carried by the page's forms.</summary>
    [BindProperty] public string? Pass { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public bool NotRegulatorStaff { get; set; }

    public TipFollowUpView? View { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? Notice { get; private set; }
    /// <summary>Past the limit: the message and the challenge to go on.</summary>
    public TipLookupRefusal? Limited { get; private set; }

    /// <summary>Every post opens the receipt: each takes one look-up from the client's limit before the handler runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(Request.Method) && await limit.TryAcquireAsync(HttpContext, Pass) is { } refused)
        {
            Limited = refused;
            Pass = null;
            Text = null;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = refused.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.Headers.CacheControl = "no-store";
            context.Result = Page();
            return;
        }
        await next();
    }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        View = await followUp.ViewAsync(Receipt, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var files = new FormFileCollection();
        files.AddRange(Files);
        await followUp.ReplyAsync(Receipt, Text, await PublicTipsApi.ReadFilesAsync(files, options.Value, ct), ct);
        Text = null;
        Notice = "Tips.FollowUp.Replied";
        View = await followUp.ViewAsync(Receipt, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        await followUp.ClaimAsync(Receipt, NotRegulatorStaff, ct);
        Notice = "Tips.FollowUp.Claimed";
        View = await followUp.ViewAsync(Receipt, ct);
        return Page();
    }

    public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        if (refusal.Code == "TIP-RECEIPT-UNKNOWN") View = null;
        return Task.FromResult<IActionResult>(Page());
    }

    public bool MayClaim => View is { Named: false, Reward.State: RewardState.Approved };
}
