using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>/transfers/{id}: a transfer's report, package, clocks, the police's decision and counts, and the actions of its state for the viewer's role.</summary>
[Authorize(Policy = TransferAccess.Policy)]
public sealed class TransferModel(TransferDesk desk) : PageModel, IShowsRefusals
{
    public CaseTransfer Transfer { get; private set; } = null!;

    public IReadOnlyList<CaseClock> Clocks { get; private set; } = [];

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public bool MayWork => TransferAccess.MayWork(Scope);

    public bool MayApprove => TransferAccess.MayApprove(Scope);

    public bool IsPolice => TransferAccess.IsPolice(Scope);

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.ApproveAsync(id, version, ct));

    public Task<IActionResult> OnPostRefuseAsync(Guid id, int version, string? reason, CancellationToken ct) =>
        Act(id, () => desk.RefuseAsync(id, new TransferReasonRequest(version, reason), ct));

    public Task<IActionResult> OnPostSendAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.SendAsync(id, version, ct));

    public Task<IActionResult> OnPostAcceptAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.AcceptAsync(id, version, ct));

    public Task<IActionResult> OnPostDecideAsync(Guid id, int version, bool file, string? reason, string? policeCaseNumber, CancellationToken ct) =>
        Act(id, () => desk.DecideAsync(id, new PoliceDecisionRequest(version, file, reason, policeCaseNumber), ct));

    public Task<IActionResult> OnPostNotifyAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.NotifyAsync(id, version, ct));

    public Task<IActionResult> OnPostReconsiderAsync(Guid id, int version, string? reason, CancellationToken ct) =>
        Act(id, () => desk.AskReconsiderationAsync(id, new TransferReasonRequest(version, reason), ct));

    public Task<IActionResult> OnPostAnswerAsync(Guid id, int version, bool file, string? reason, string? policeCaseNumber, CancellationToken ct) =>
        Act(id, () => desk.AnswerReconsiderationAsync(id, new PoliceDecisionRequest(version, file, reason, policeCaseNumber), ct));

    public Task<IActionResult> OnPostProcuratorateAsync(Guid id, int version, string? reason, CancellationToken ct) =>
        Act(id, () => desk.AskProcuratorateAsync(id, new TransferReasonRequest(version, reason), ct));

    public Task<IActionResult> OnPostCountsAsync(Guid id, int version, int suspects, int dens, int gangs, int seized, string? channel, Guid? suspectId, CancellationToken ct) =>
        Act(id, () => desk.RecordCountsAsync(id, new CampaignCountsRequest(version, suspects, dens, gangs, seized, channel, suspectId), ct));

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        var id = RouteData.Values["id"] is string text && Guid.TryParse(text, out var g) ? g : Guid.Empty;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> Act(Guid id, Func<Task<CaseTransfer>> action)
    {
        await action();
        Message = "Transfers.Saved";
        return Redirect($"/transfers/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Scope = User.ToScope();
        var found = await desk.FindAsync(id, ct);
        if (found is null) return false;
        Transfer = found;
        Clocks = desk.Clocks(found);
        return true;
    }
}
