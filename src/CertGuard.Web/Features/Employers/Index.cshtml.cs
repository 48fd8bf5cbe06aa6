using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// /employers: the city office's employers of its city with their lawful certification rate (below 100 % first),
/// the registrations waiting for its decision; the province office's table of cities, and any city's list (read-only).
/// </summary>
[Authorize(Policy = EmployerAccess.OfficePolicy)]
public sealed class IndexModel(ComplianceQuery query, EmployerRegistrar registrar, CertGuardDbContext db) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>The province office's choice of city; a city office always sees its own.</summary>
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public IReadOnlyList<EmployerRate> Employers { get; private set; } = [];

    public IReadOnlyList<CityRate> Cities { get; private set; } = [];

    public IReadOnlyList<Organisation> Pending { get; private set; } = [];

    /// <summary>The city listed, or null when the province office looks at the cities' table.</summary>
    public string? ListedCity { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Sort is not null && !ComplianceQuery.Sorts.Contains(Sort)) Sort = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        var scope = User.ToScope();
        if (scope.Role != Role.CityOffice) return Forbid();
        if (await registrar.ApproveAsync(id, ct) is null) return NotFound();
        Message = "Employers.Approved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken ct)
    {
        var scope = User.ToScope();
        if (scope.Role != Role.CityOffice) return Forbid();
        if (await registrar.RejectAsync(id, reason ?? "", ct) is null) return NotFound();
        Message = "Employers.Rejected";
        return RedirectToPage();
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
        ListedCity = Scope.CityCode ?? (RegionDirectory.Guangdong.IsCity(City) ? City : null);
        if (ListedCity is null)
        {
            Cities = await query.CitiesAsync(ct);
            return;
        }
        Employers = await query.EmployersAsync(ListedCity, Sort, ct);
        if (Scope.Role == Role.CityOffice)
        {
            Pending = await EmployerAccess.Overseen(db, Scope).AsNoTracking().Where(o => o.Approval == OrganisationApproval.Pending)
                .OrderBy(o => o.RegisteredAt).ToListAsync(ct);
        }
    }
}
