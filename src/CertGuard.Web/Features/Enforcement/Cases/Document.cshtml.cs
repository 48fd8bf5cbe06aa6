using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Data.Enforcement.Cases;
using CertGuard.Data.ReferenceData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>/cases/{id}/documents/{documentId}: a case's document on A4 in the official layout, to print from the browser.</summary>
[Authorize(Policy = CaseAccess.Policy)]
public sealed class DocumentModel(CaseDesk desk, ReferenceDataProvider reference) : PageModel
{
    public Guid CaseId { get; private set; }

    public Guid DocumentId { get; private set; }

    public OfficialDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var c = await desk.FindAsync(id, ct);
        var d = c?.Documents.SingleOrDefault(x => x.Id == documentId);
        if (c is null || d is null) return NotFound();
        (CaseId, DocumentId) = (id, documentId);
        Document = CaseOfficialDocuments.For(c, d, reference.Today);
        return Page();
    }
}
