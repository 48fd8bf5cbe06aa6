using CertGuard.Core;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>/revocation-requests: the issuing authority decides the cases' requests to revoke its city's certificates.</summary>
[Authorize(Policy = RevocationDesk.Policy)]
public sealed class RevocationRequestsModel(RevocationDesk desk) : PageModel, IShowsRefusals
{
    public IReadOnlyList<CertificateRevocationRequest> Requests { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Requests = await desk.ListAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, int version, CancellationToken ct)
    {
        await desk.ApproveAsync(id, version, ct);
        Message = "Cases.RevocationApproved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, int version, string? reason, CancellationToken ct)
    {
        await desk.DeclineAsync(id, version, reason, ct);
        Message = "Cases.RevocationDeclined";
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        Requests = await desk.ListAsync(ct);
        return Page();
    }
}
