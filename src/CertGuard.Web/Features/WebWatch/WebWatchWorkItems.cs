using CertGuard.Core.Accounts;
using CertGuard.Core.WebWatch;
using CertGuard.Data;
using CertGuard.Web.Features.Workbench;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.WebWatch;

/// <summary>Suspect sites found and not yet triaged, and closed ones the re-check found back online.</summary>
public sealed class WebWatchWorkItems(CertGuardDbContext db) : IWorkbenchItems
{
    public string? Policy => WebWatchModule.ReadPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var suspects = db.Set<Suspect>().AsNoTracking();
        return
        [
            new("suspects-found", "Workbench.SuspectsFound", await suspects.CountAsync(s => s.State == SuspectState.Found, ct), "/webwatch"),
            new("suspects-reopened", "Workbench.SuspectsReopened", await suspects.CountAsync(s => s.State == SuspectState.Reopened, ct), "/webwatch", Urgent: true),
        ];
    }
}
