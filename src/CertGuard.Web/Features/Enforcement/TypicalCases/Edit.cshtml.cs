using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Data.Enforcement.TypicalCases;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.TypicalCases;

/// <summary>
/// /typical-cases/desk/{id}: the draft's form (officers), submission, the offices' approval or return, and withdrawal of
/// a published case. A refusal keeps what was typed.
/// </summary>
[Authorize(Policy = TypicalCaseAccess.Policy)]
public sealed class EditModel(TypicalCaseDesk desk) : PageModel, IShowsRefusals
{
    [FromRoute]
    public Guid Id { get; set; }

    public TypicalCase? Item { get; private set; }

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Facts { get; set; }

    [BindProperty]
    public string? Penalty { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public bool MayEdit => Item?.State == TypicalCaseState.Draft && TypicalCaseAccess.MayDraft(Scope);

    public bool MayApprove => Item is { } t
        && ((t.State == TypicalCaseState.AwaitingCity && TypicalCaseAccess.IsCityOffice(Scope))
            || (t.State == TypicalCaseState.AwaitingProvince && TypicalCaseAccess.IsProvinceOffice(Scope)));

    public bool MayWithdraw => Item?.State == TypicalCaseState.Published && (TypicalCaseAccess.IsCityOffice(Scope) || TypicalCaseAccess.IsProvinceOffice(Scope));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (Title, Facts, Penalty) = (Item!.Title, Item.Facts, Item.Penalty);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int version, CancellationToken ct) =>
        ActAsync(() => desk.EditAsync(Id, new EditTypicalCaseRequest(version, Title, Facts, Penalty), ct), "TypicalCases.Done.Saved");

    /// <summary>Saves what was typed, then submits it: the filter sees exactly the text on the form.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int version, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var saved = await desk.EditAsync(Id, new EditTypicalCaseRequest(version, Title, Facts, Penalty), ct);
            return await desk.SubmitAsync(Id, saved.Version, ct);
        }, "TypicalCases.Done.Submitted");

    public Task<IActionResult> OnPostApproveAsync(int version, CancellationToken ct) =>
        ActAsync(() => desk.ApproveAsync(Id, version, ct), "TypicalCases.Done.Approved");

    public Task<IActionResult> OnPostReturnAsync(int version, string? reason, CancellationToken ct) =>
        ActAsync(() => desk.ReturnAsync(Id, new ReasonRequest(version, reason), ct), "TypicalCases.Done.Returned");

    public Task<IActionResult> OnPostWithdrawAsync(int version, string? reason, CancellationToken ct) =>
        ActAsync(() => desk.WithdrawAsync(Id, new ReasonRequest(version, reason), ct), "TypicalCases.Done.Withdrawn");

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> ActAsync(Func<Task<TypicalCase>> action, string done)
    {
        await action();
        Message = done;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Item = await desk.FindAsync(Id, ct);
        return Item is not null;
    }
}
