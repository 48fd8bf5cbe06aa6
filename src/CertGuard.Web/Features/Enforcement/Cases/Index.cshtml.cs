using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Data.Enforcement.Cases;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>/cases: the city's desk (cases by stage, clocks running out first); the province office sees every city, read-only.</summary>
[Authorize(Policy = CaseAccess.Policy)]
public sealed class IndexModel(CaseDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseStage? Stage { get; set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public IReadOnlyDictionary<CaseStage, int> Counts { get; private set; } = new Dictionary<CaseStage, int>();

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Counts = await desk.CountsAsync(ct);
        Cases = await desk.ListAsync(Stage, ct);
    }
}
