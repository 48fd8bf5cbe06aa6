using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Verification;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Verification.Signals;

/// <summary>/signals: the office's review queue; dismiss a signal with a reason or turn it into an inspection lead.</summary>
[Authorize(Policy = SignalDesk.Policy)]
public sealed class IndexModel(SignalDesk desk) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public SignalState? State { get; set; } = SignalState.Open;

    [BindProperty(SupportsGet = true)]
    public SignalKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SignalPage Result { get; private set; } = new([], 1, 0);

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, string? reason, CancellationToken ct) =>
        ActAsync(async () => await desk.DismissAsync(id, reason, ct), "Signals.Dismissed", ct);

    public Task<IActionResult> OnPostLeadAsync(Guid id, string? note, CancellationToken ct) =>
        ActAsync(async () => (await desk.TurnIntoLeadAsync(id, note, ct)).Signal, "Signals.LeadRaised", ct);

    /// <summary>May this account act on the signal (its own region's), or only read it.</summary>
    public bool MayAct(SignalView signal) => signal.State == nameof(SignalState.Open) && SignalDesk.MayAct(Scope, signal.RegionCode);

    public string Link(int? page = null, SignalState? state = null, bool allStates = false) =>
        Url.Page("/Verification/Signals/Index", new { state = allStates ? null : (state ?? State)?.ToString(), kind = Kind?.ToString(), p = page ?? PageNumber }) ?? "";

    private async Task<IActionResult> ActAsync(Func<Task<SignalView>> action, string done, CancellationToken ct)
    {
        await action();
        Message = done;
        return RedirectToPage(new { state = State?.ToString(), kind = Kind?.ToString() });
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Result = await desk.ListAsync(State, Kind, PageNumber, ct);
    }
}
