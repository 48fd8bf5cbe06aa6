using CertGuard.Core;
using CertGuard.Core.WebWatch;
using CertGuard.Data.WebWatch;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.WebWatch;

/// <summary>/webwatch/suspect/{id}: one suspect, its evidence and cluster, and the next step of its lifecycle.</summary>
[Authorize(Policy = WebWatchModule.ReadPolicy)]
public sealed class SuspectModel(WebWatchDesk desk) : PageModel, IShowsRefusals
{
    public SuspectDetail? Detail { get; private set; }

    public bool MayAct { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, int version, bool fake, string? reason, CancellationToken ct) =>
        ActAsync(id, () => desk.VerifyAsync(id, version, fake, reason, ct), "WebWatch.Verified");

    public Task<IActionResult> OnPostCaptureAsync(Guid id, CancellationToken ct) => ActAsync(id, () => desk.CaptureAsync(id, ct), "WebWatch.Captured");

    public Task<IActionResult> OnPostReferAsync(Guid id, int version, string? department, string? note, CancellationToken ct) =>
        ActAsync(id, () => desk.ReferAsync(id, version, department, note, ct), "WebWatch.Referred");

    public Task<IActionResult> OnPostAnswerAsync(Guid id, Guid referralId, ReferralAnswer? answer, string? document, string? note, CancellationToken ct) =>
        ActAsync(id, () => desk.AnswerReferralAsync(id, referralId, answer, document, note, ct), "WebWatch.Answered");

    /// <summary>Whether the reader answers this referral (its receiving department, in its city, not yet answered).</summary>
    public bool MayAnswer(SuspectReferral referral) => WebWatchDesk.MayAnswer(User.ToScope(), referral);

    public Task<IActionResult> OnPostDisposeAsync(Guid id, int version, DisposalOutcome outcome, DateOnly? on, string? document, CancellationToken ct) =>
        ActAsync(id, () => desk.DisposeAsync(id, version, outcome, on, document, ct), "WebWatch.Disposed");

    public Task<IActionResult> OnPostDescribeAsync(Guid id, int version, string? registrant, string? contacts, CancellationToken ct) =>
        ActAsync(id, () => desk.DescribeAsync(id, version, registrant, null, contacts, ct), "WebWatch.Described");

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        // Reload what the reader may still see; a suspect not found (or out of scope) leaves only the alert.
        if (RouteData.Values["id"] is string text && Guid.TryParse(text, out var id))
        {
            Detail = await desk.FindAsync(id, ct);
            MayAct = WebWatchDesk.MayAct(User.ToScope());
        }
        return Page();
    }

    private async Task<IActionResult> ActAsync<T>(Guid id, Func<Task<T>> action, string done)
    {
        await action();
        Message = done;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Detail = await desk.GetAsync(id, ct);
        MayAct = WebWatchDesk.MayAct(User.ToScope());
    }
}
