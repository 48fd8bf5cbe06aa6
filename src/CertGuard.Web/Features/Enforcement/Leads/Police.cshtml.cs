using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>/leads/police: the police pass a lead to their city's safety bureau (e.g. a buyer of a fake certificate at an employer).</summary>
[Authorize(Policy = LeadDesk.PolicePolicy)]
public sealed class PoliceModel(LeadDesk desk, CertGuardDbContext db) : PageModel, IShowsRefusals
{
    public const int MaxEmployers = 300;

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? CertificateNumber { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Employers { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (lead, _) = await desk.PassFromPoliceAsync(new PoliceLeadInput(Summary, CertificateNumber, OrganisationId, null), ct);
        TempData[nameof(DetailModel.Message)] = "Leads.Done.Passed";
        return RedirectToPage("/Enforcement/Leads/Detail", new { id = lead.Id });
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var city = User.ToScope().CityCode;
        var employers = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == Role.Employer.Id && o.RegionCode == city && o.Approval == OrganisationApproval.Approved)
            .OrderBy(o => o.Name).Take(MaxEmployers).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Employers = employers.Select(e => (e.Id, e.Name)).ToList();
    }
}
