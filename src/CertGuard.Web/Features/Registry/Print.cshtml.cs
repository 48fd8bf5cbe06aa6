using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Credentials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry;

/// <summary>
/// The card as printed: its fields and the signed QR. It shows the full number, so only those who may obtain the QR
/// open it (<see cref="QrIssueGate"/>: the city's issuing authority and the province office), within the same
/// per-account limit as the QR API, and each opening is audited.
/// </summary>
public sealed class PrintModel(CertGuardDbContext db, CredentialIssuer issuer, QrIssueGate gate) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;

    public Organisation? Authority { get; private set; }

    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (gate.Admit(User.ToScope(), User.Identity?.Name ?? "") is { } refused)
        {
            if (refused.Kind == Core.RefusalKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
            if (refused.Arguments.TryGetValue("seconds", out var seconds)) Response.Headers.RetryAfter = Convert.ToString(seconds, System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var found = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        // A certificate received from another province is printed, with its QR, by that province.
        if (found is null || !CredentialIssuer.Signs(found)) return NotFound();
        if (!QrIssueGate.MayIssue(User.ToScope(), found)) return StatusCode(StatusCodes.Status403Forbidden);
        Certificate = found;
        Authority = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == found.IssuingAuthorityId, ct);
        QrSvg = QrImages.Svg(await issuer.QrTextAsync(found, ct));
        db.AddAuditEntry("view-full-id", nameof(Core.Certificates.Certificate), id.ToString(), "{\"via\":\"print\"}");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
