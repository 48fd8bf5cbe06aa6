using CertGuard.Data.Database;
using CertGuard.Data.Enforcement.TypicalCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.TypicalCases;

/// <summary>/typical-cases: the published typical cases for everyone, no account (date, city, what happened, the penalty).</summary>
public sealed class PublicModel([FromKeyedServices(ReadOnlyDb.Key)] TypicalCaseDesk desk) : PageModel
{
    public IReadOnlyList<PublicTypicalCaseView> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cases = [.. (await desk.PublishedAsync(ct)).Select(PublicTypicalCaseView.From)];
}
