using CertGuard.Core;
using CertGuard.Core.Inspections;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Inspections;

/// <summary>
/// /inspections: the city's inspections (planned, on site, done), the plan's suggestions with a start for each, the
/// institutions not yet inspected this campaign year, and the orders to correct that are overdue.
/// </summary>
[Authorize(Policy = InspectionAccess.ReadPolicy)]
public sealed class IndexModel(InspectionQueries queries, InspectionDesk desk, TimeProvider clock) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<Inspection> Inspections { get; private set; } = [];

    public IReadOnlyList<PlanCandidate> Suggestions { get; private set; } = [];

    public IReadOnlyList<Organisation> NotInspected { get; private set; } = [];

    public IReadOnlyList<CorrectionOrder> Overdue { get; private set; } = [];

    public int Year { get; private set; }

    public DateOnly Today { get; private set; }

    public bool Works { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPlanAsync(Guid organisationId, DateOnly? plannedOn, CancellationToken ct)
    {
        await desk.PlanAsync(new PlanRequest(organisationId, plannedOn, null), ct);
        Message = "Insp.Planned";
        return RedirectToPage(new { status = "planned" });
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Year = Today.Year;
        Works = InspectionAccess.Works(User.ToScope());
        Inspections = await queries.ListAsync(InspectionStatuses.Parse(Status), null, ct);
        var city = User.ToScope().CityCode;
        NotInspected = await desk.InstitutionsNotInspectedAsync(city, Year, ct);
        if (Works) Suggestions = (await desk.SuggestAsync(city!, Year, ct)).Take(10).ToList();
        Overdue = await queries.OrdersAsync(overdueOnly: true, ct);
    }
}
