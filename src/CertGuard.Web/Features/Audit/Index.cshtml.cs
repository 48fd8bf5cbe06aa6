using CertGuard.Data;
using CertGuard.Data.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Audit;

public sealed class IndexModel(CertGuardDbContext db, AuditCheckpoints checkpoints) : PageModel
{
    private const int PageSize = 50;

    public AuditVerification Verification { get; private set; } = null!;

    /// <summary>The latest entries, ID numbers masked.</summary>
    public IReadOnlyList<AuditApi.AuditEntryResponse> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Verification = await checkpoints.VerifyAsync(ct: ct);
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(PageSize).ToListAsync(ct);
        await AuditReads.RecordAsync(db, "page", before: null, PageSize, entries.Count, ct);
        Recent = entries.Select(AuditApi.Masked).ToList();
    }
}
