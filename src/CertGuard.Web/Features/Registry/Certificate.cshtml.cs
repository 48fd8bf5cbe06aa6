using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Verification.PublicQuery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry;

public sealed class CertificateModel(CertGuardDbContext db, TimeProvider clock, CertificateRules rules, CertificateChecks checks) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;

    public CertificateState State { get; private set; }

    public Organisation? Authority { get; private set; }

    /// <summary>The latest checks of this certificate (verification log), for officials; null for organisations' accounts.</summary>
    public IReadOnlyList<CheckEntry>? Checks { get; private set; }

    /// <summary>Set only after the officer asked for it; the request is audited.</summary>
    public string? FullNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var page = Page();
        // An action refused on this certificate redirected here: the page answers with the refusal's status.
        page.StatusCode = TempData[Lifecycle.LifecycleMessages.Status] as int?;
        return page;
    }

    /// <summary>Shows the full ID number and records who saw it.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        db.AddAuditEntry("view-full-id", nameof(Core.Certificates.Certificate), id.ToString(), "{\"via\":\"page\"}");
        await db.SaveChangesAsync(ct);
        FullNumber = Certificate.Number;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        // The scope filter hides other cities' certificates: a guessed URL finds nothing.
        var found = await db.Certificates.AsNoTracking().Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null) return false;
        Certificate = found;
        State = found.StateAt(clock, rules);
        Authority = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == found.IssuingAuthorityId, ct);
        // An employer sees its own workers' certificates, but not which other employers checked them.
        if (User.ToScope().Role.Reach != RoleReach.Organisation)
            Checks = await checks.ForAsync([id], CertificateChecks.OfficialLimit, ct);
        return true;
    }
}
