using CertGuard.Core.Institutions;
using CertGuard.Core.Organisations;
using CertGuard.Data.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Institutions;

/// <summary>/institutions/{id}: one institution's self-checks, each answer with the question as it was asked then.</summary>
[Authorize(Policy = InstitutionAccess.ReaderPolicy)]
public sealed class InstitutionModel(SelfCheckBook book) : PageModel
{
    public Organisation Institution { get; private set; } = null!;

    public IReadOnlyList<SelfCheckSubmission> History { get; private set; } = [];

    public int CurrentVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Another city's institution, or another institution, reads as not there at all.
        if (await book.InstitutionAsync(id, ct) is not { } institution || !InstitutionAccess.MayRead(User, institution)) return NotFound();
        Institution = institution;
        History = await book.HistoryAsync(id, ct);
        CurrentVersion = (await book.CurrentAsync(ct)).Version;
        return Page();
    }
}
