using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Data.Enforcement.Supervision;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Supervision;

/// <summary>/supervision: every supervised case the account sees, its days left and last report; offices place new ones here.</summary>
[Authorize(Policy = SupervisionAccess.Policy)]
public sealed class IndexModel(SupervisionDesk desk) : PageModel, IShowsRefusals
{
    public IReadOnlyList<SupervisionSummary> Items { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string RegionCode, string Title)> Candidates { get; private set; } = [];

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public DateOnly DefaultDeadline { get; private set; }

    public int DefaultInterval { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPlaceAsync(Guid caseId, DateOnly? deadline, int? reportIntervalDays, string? requirements, CancellationToken ct)
    {
        var placed = await desk.PlaceAsync(new PlaceSupervisionRequest(caseId, deadline, reportIntervalDays, requirements), ct);
        Message = "Supervision.Done.Placed";
        return Redirect($"/supervision/{placed.Id}");
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
        (DefaultDeadline, DefaultInterval) = desk.Defaults();
    }
}
