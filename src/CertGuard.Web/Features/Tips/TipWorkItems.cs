using CertGuard.Core.Accounts;
using CertGuard.Core.Tips;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Workbench;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Tips;

/// <summary>Tips not yet assigned, and tips whose check is past its time limit.</summary>
public sealed class TipWorkItems(CertGuardDbContext db, TimeProvider clock) : IWorkbenchItems
{
    public string? Policy => TipsAccess.OfficePolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var tips = db.Set<Tip>().AsNoTracking();
        var received = await tips.CountAsync(t => t.State == TipState.Received, ct);
        var late = await tips.CountAsync(t => (t.State == TipState.Received || t.State == TipState.Assigned || t.State == TipState.Checking) && t.CheckDueOn < today, ct);
        return
        [
            new("tips-received", "Workbench.TipsReceived", received, "/tips/office"),
            new("tips-check-late", "Workbench.TipsCheckLate", late, "/tips/office", Urgent: true),
        ];
    }
}
