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

/// <summary>/typical-cases/desk: the city's (or province's) typical cases in every state; officers start a draft from a closed case.</summary>
[Authorize(Policy = TypicalCaseAccess.Policy)]
public sealed class DeskModel(TypicalCaseDesk desk) : PageModel, IShowsRefusals
{
    public IReadOnlyList<TypicalCase> Items { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title, DateTimeOffset ClosedAt)> Candidates { get; private set; } = [];

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDraftAsync(Guid caseId, CancellationToken ct)
    {
        var drafted = await desk.DraftAsync(caseId, ct);
        return Redirect($"/typical-cases/desk/{drafted.Id}");
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Items = await desk.ListAsync(ct);
        Candidates = await desk.CandidatesAsync(ct);
    }
}
