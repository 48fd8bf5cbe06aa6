using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using CertGuard.Web.Features.Credentials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry;

/// <summary>The card as printed: its fields and the signed QR. It shows the full number, so opening it is audited.</summary>
public sealed class PrintModel(CertGuardDbContext db, CredentialIssuer issuer) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;

    public Organisation? Authority { get; private set; }

    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        // A certificate received from another province is printed, with its QR, by that province.
        if (found is null || !CredentialIssuer.Signs(found)) return NotFound();
        Certificate = found;
        Authority = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == found.IssuingAuthorityId, ct);
        QrSvg = QrImages.Svg(await issuer.QrTextAsync(found, ct));
        db.AddAuditEntry("view-full-id", nameof(Core.Certificates.Certificate), id.ToString(), "{\"via\":\"print\"}");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
