using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Documents;

/// <summary>/enforcement/documents/sample/{kind}: a sample document of one kind in the A4 print layout.</summary>
[Authorize(Policy = EnforcementDocumentsModule.ReaderPolicy)]
public sealed class SampleModel(TimeProvider clock) : PageModel
{
    public OfficialDocument Document { get; private set; } = null!;

    public CaseDocumentKindInfo Info { get; private set; } = null!;

    public IActionResult OnGet(string kind)
    {
        if (CaseDocumentKinds.FindBySlug(kind) is not { } info) return NotFound();
        Info = info;
        Document = SampleDocuments.For(info.Kind, ChinaTime.Today(clock));
        return Page();
    }

    /// <summary>/enforcement/documents/sample/{kind}/docx: the same document as a Word file.</summary>
    public IActionResult OnGetDocx(string kind)
    {
        if (CaseDocumentKinds.FindBySlug(kind) is not { } info) return NotFound();
        var stream = new MemoryStream();
        OfficialDocumentDocx.Write(SampleDocuments.For(info.Kind, ChinaTime.Today(clock)), stream);
        stream.Position = 0;
        return File(stream, OfficialDocumentDocx.ContentType, $"sample-{info.Slug}.docx");
    }
}
