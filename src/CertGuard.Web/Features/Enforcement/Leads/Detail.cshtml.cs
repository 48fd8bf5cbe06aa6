using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>
/// /leads/{id}: one lead with its source, and the forms of whoever may work it: refer, merge, propose no action,
/// approve or reject it (the enforcement lead), open a case (the cases page). Each form carries the version shown.
/// </summary>
[Authorize(Policy = LeadDesk.ReadPolicy)]
public sealed class DetailModel(LeadDesk desk) : PageModel, IShowsRefusals
{
    [FromRoute]
    public Guid Id { get; set; }

    public LeadDetail? Detail { get; private set; }

    public IReadOnlyList<LeadView> MergeTargets { get; private set; } = [];

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public bool MayWork => LeadAccess.MayWork(Scope) && Detail?.Lead.Status == nameof(LeadStatus.Open);

    public bool MayDecide => LeadAccess.MayDecideNoAction(Scope) && Detail?.Lead.Status == nameof(LeadStatus.AwaitingApproval);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReferAsync(string? department, string? note, int version, CancellationToken ct) =>
        ActAsync(() => desk.ReferAsync(Id, department, note, version, ct), "Leads.Done.Referred");

    public Task<IActionResult> OnPostMergeAsync(Guid into, int version, CancellationToken ct) =>
        ActAsync(() => desk.MergeAsync(Id, into, version, ct), "Leads.Done.Merged");

    public Task<IActionResult> OnPostProposeAsync(string? reason, int version, CancellationToken ct) =>
        ActAsync(() => desk.ProposeNoActionAsync(Id, reason, version, ct), "Leads.Done.Proposed");

    public Task<IActionResult> OnPostApproveAsync(int version, CancellationToken ct) =>
        ActAsync(() => desk.ApproveNoActionAsync(Id, version, ct), "Leads.Done.Approved");

    public Task<IActionResult> OnPostRejectAsync(int version, CancellationToken ct) =>
        ActAsync(() => desk.RejectNoActionAsync(Id, version, ct), "Leads.Done.Rejected");

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<Task<LeadView>> action, string done)
    {
        await action();
        Message = done;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Detail = await desk.FindAsync(Id, ct);
        if (Detail is null) return false;
        if (MayWork) MergeTargets = await desk.MergeTargetsAsync(Detail.Lead, ct);
        return true;
    }
}
