using CertGuard.Core;
using CertGuard.Core.Tips;
using CertGuard.Data.Tips;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Tips;

/// <summary>
/// Follow-up by receipt: posted in the form's body, never in the address, so it stays out of logs and history. Limited
/// per client like the public query. The page keeps the receipt only in this answer's form, for a reply or a claim.
/// </summary>
[EnableRateLimiting(PublicQueryRateLimits.ClientPolicy)]
[RequestSizeLimit(PublicTipsApi.MaxRequestBytes)]
public sealed class FollowUpModel(TipFollowUp followUp, IOptions<TipOptions> options) : PageModel, IShowsRefusals
{
    [BindProperty] public string? Receipt { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public bool NotRegulatorStaff { get; set; }

    public TipFollowUpView? View { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? Notice { get; private set; }

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
