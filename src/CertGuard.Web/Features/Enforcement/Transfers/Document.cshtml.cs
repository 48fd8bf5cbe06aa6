using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Data.Enforcement.Transfers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>/transfers/{id}/documents/{slug}: a document of the transfer's package on A4, to print from the browser.</summary>
[Authorize(Policy = TransferAccess.Policy)]
public sealed class DocumentModel(TransferDesk desk) : PageModel
{
    public Guid TransferId { get; private set; }

    public string Slug { get; private set; } = "";

    public OfficialDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string slug, CancellationToken ct)
    {
        var t = await desk.FindAsync(id, ct);
        var d = t is null ? null : TransferPackage.Find(t, slug);
        if (d is null) return NotFound();
        (TransferId, Slug, Document) = (id, slug, d.Document);
        return Page();
    }
}
