using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using CertGuard.Data;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>考核合格发证 in the officer's city; on success, the new certificate's page (post-redirect-get).</summary>
[Authorize(Policy = LifecycleOfficer.Policy)]
public sealed class IssueModel(CertificateLifecycle lifecycle, CertGuardDbContext db, TimeProvider clock) : PageModel, IShowsRefusals
{
    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? HolderName { get; set; }

    [BindProperty]
    public string? ItemCode { get; set; }

    [BindProperty]
    public DateOnly? IssuedOn { get; set; }

    [BindProperty]
    public Guid? EmployerId { get; set; }

    /// <summary>The refusal, in the page's language, shown next to the form.</summary>
    public string? Error { get; private set; }

    public string? ErrorCode { get; private set; }

    public string CityCode { get; private set; } = "";

    public IReadOnlyList<Organisation> Employers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IssuedOn = ChinaTime.Today(clock);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var certificate = await lifecycle.IssueAsync(
            new IssueCertificateRequest(IdNumber, HolderName, ItemCode, IssuedOn, EmployerId), LifecycleOfficer.Require(User), ct);
        TempData[LifecycleMessages.Done] = "issue";
        return Redirect($"/registry/certificate/{certificate.Id}");
    }

    /// <summary>The form again, as typed, with the refusal above it.</summary>
    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CityCode = LifecycleOfficer.Require(User).CityCode;
        Employers = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == Role.Employer.Id && o.RegionCode == CityCode)
            .OrderBy(o => o.Name).ToListAsync(ct);
    }
}
