using CertGuard.Core.Accounts;
using CertGuard.Core.Inspections;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Workbench;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Inspections;

/// <summary>For the city's enforcement: inspections planned or under way, corrections reported and overdue orders.</summary>
public sealed class InspectionWorkItems(CertGuardDbContext db, TimeProvider clock) : IWorkbenchItems
{
    public string? Policy => InspectionAccess.ReadPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var open = await db.Set<Inspection>().AsNoTracking().CountAsync(i => i.Status != InspectionStatus.Done, ct);
        var reported = await db.Set<CorrectionOrder>().AsNoTracking().CountAsync(o => o.Status == CorrectionStatus.Reported, ct);
        var overdue = await db.Set<CorrectionOrder>().AsNoTracking().CountAsync(o => o.Status == CorrectionStatus.Open && o.Deadline < today, ct);
        return
        [
            new("inspections-open", "Workbench.InspectionsOpen", open, "/inspections"),
            new("orders-reported", "Workbench.OrdersReported", reported, "/inspections"),
            new("orders-overdue", "Workbench.OrdersOverdue", overdue, "/inspections", Urgent: true),
        ];
    }
}

/// <summary>For an employer or institution: orders to correct addressed to it, and those past their deadline.</summary>
public sealed class OrderWorkItems(CertGuardDbContext db, TimeProvider clock) : IWorkbenchItems
{
    public string? Policy => InspectionAccess.OrdersPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var orders = db.Set<CorrectionOrder>().AsNoTracking().Where(o => o.OrganisationId == scope.OrganisationId && o.Status == CorrectionStatus.Open);
        return
        [
            new("orders-to-correct", "Workbench.OrdersToCorrect", await orders.CountAsync(ct), "/orders"),
            new("orders-late", "Workbench.OrdersLate", await orders.CountAsync(o => o.Deadline < today, ct), "/orders", Urgent: true),
        ];
    }
}
