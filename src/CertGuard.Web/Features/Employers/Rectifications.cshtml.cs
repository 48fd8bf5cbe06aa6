using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// /rectifications: the employer's items (record what it did, turn a suspected fake into a lead) and the city
/// office's queue (confirm or return); the province office reads. Overdue items are flagged.
/// </summary>
[Authorize(Policy = EmployerAccess.AnyPolicy)]
public sealed class RectificationsModel(RectificationDesk desk, CertGuardDbContext db, TimeProvider clock) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = Active;

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Employer { get; set; }

    /// <summary>The filter value for every item not yet closed (the default).</summary>
    public const string Active = "active";

    public IReadOnlyList<RectificationItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> EmployerNames { get; private set; } = new Dictionary<Guid, string>();

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public bool IsEmployer => EmployerAccess.IsEmployer(Scope);

    public bool IsCityOffice => Scope.Role == Role.CityOffice;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, string? text, CancellationToken ct) =>
        ActAsync(async () => await desk.ReportAsync(id, text ?? "", ct), "Employers.Rectify.Reported", ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, string? text, CancellationToken ct) =>
        ActAsync(async () => await desk.ConfirmAsync(id, text, ct), "Employers.Rectify.Confirmed", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, string? text, CancellationToken ct) =>
        ActAsync(async () => await desk.ReturnAsync(id, text ?? "", ct), "Employers.Rectify.Returned", ct);

    public Task<IActionResult> OnPostLeadAsync(Guid id, CancellationToken ct) =>
        ActAsync(async () => await desk.RaiseLeadAsync(id, ct) is null ? null : new object(), "Employers.Rectify.LeadRaised", ct);

    public bool MayLead(RectificationItem item) =>
        (IsEmployer || IsCityOffice) && item.LeadId is null && item.RequiredAction == RequiredAction.ReportSuspectedFake && !item.IsClosed;

    private async Task<IActionResult> ActAsync(Func<Task<object?>> act, string done, CancellationToken ct)
    {
        if (await act() is null) return NotFound();
        Message = done;
        return RedirectToPage(new { status = Status, overdue = Overdue ? "true" : null, employer = Employer });
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
        Today = ChinaTime.Today(clock);
        RectificationStatus? wanted = RectificationApi.TryParseStatus(Status, out var parsed) ? parsed : null;
        var open = string.Equals(Status, Active, StringComparison.OrdinalIgnoreCase);
        Items = await desk.ListAsync(new RectificationFilter(open ? null : wanted, Overdue, Employer, OpenOnly: open), ct);
        var ids = Items.Select(i => i.OrganisationId).Distinct().ToList();
        EmployerNames = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
