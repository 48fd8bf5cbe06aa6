using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>
/// /transfers: the transfers the account sees (the police: to their bureau), clocks running out first; the possible
/// 以罚代刑 cases for the offices and enforcement (?view=flagged); police assistance (协查) for the police.
/// </summary>
[Authorize(Policy = TransferAccess.Policy)]
public sealed class IndexModel(TransferDesk desk) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public TransferState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public IReadOnlyList<TransferSummary> Transfers { get; private set; } = [];

    public IReadOnlyList<FlaggedCase> Flagged { get; private set; } = [];

    public AssistanceAnswer? Assistance { get; private set; }

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public string? Error { get; private set; }

    public bool ShowFlagged => View == "flagged";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAssistAsync(string? number, string? reason, CancellationToken ct)
    {
        Assistance = await desk.AssistAsync(new AssistanceRequest(number, reason), ct);
        await LoadAsync(ct);
        return Page();
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
        Flagged = TransferAccess.SeesFlags(Scope) ? await desk.FlaggedAsync(ct) : [];
        Transfers = ShowFlagged ? [] : await desk.ListAsync(State, ct);
    }
}
