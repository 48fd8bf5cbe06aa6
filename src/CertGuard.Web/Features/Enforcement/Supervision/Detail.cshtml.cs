using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Data.Enforcement.Supervision;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Supervision;

/// <summary>/supervision/{id}: the notice, the reports, the report form (the handling authority) and 销号 (the supervising office).</summary>
[Authorize(Policy = SupervisionAccess.Policy)]
public sealed class DetailModel(SupervisionDesk desk) : PageModel, IShowsRefusals
{
    [FromRoute]
    public Guid Id { get; set; }

    public SupervisionSummary? Item { get; private set; }

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public bool MayReport => Item is { Supervision.IsActive: true } i && SupervisionAccess.MayReport(Scope, i.Supervision);

    public bool MayLift => Item is { Supervision.IsActive: true } i && SupervisionAccess.IsSupervisor(Scope, i.Supervision);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int version, string? text, CancellationToken ct)
    {
        await desk.ReportAsync(Id, new SupervisionReportRequest(version, text), ct);
        Message = "Supervision.Done.Reported";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostLiftAsync(int version, string? result, CancellationToken ct)
    {
        await desk.LiftAsync(Id, new LiftSupervisionRequest(version, result), ct);
        Message = "Supervision.Done.Lifted";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Item = await desk.FindAsync(Id, ct);
        return Item is not null;
    }
}
