using CertGuard.Data;
using CertGuard.Data.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Audit;

public sealed class IndexModel(CertGuardDbContext db) : PageModel
{
    public AuditVerification Verification { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Verification = await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), ct);
        Recent = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(50).ToListAsync(ct);
    }
}
