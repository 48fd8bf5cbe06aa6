using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Data;
using CertGuard.Web.Features.Workbench;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>Leads waiting in the city's inbox, and "no action" proposals waiting for the enforcement lead.</summary>
public sealed class LeadWorkItems(CertGuardDbContext db) : IWorkbenchItems
{
    public string? Policy => LeadDesk.ReadPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var counts = await db.InspectionLeads.AsNoTracking().Where(l => l.Status != LeadStatus.Closed)
            .GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(LeadStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return
        [
            new("leads-open", "Workbench.LeadsOpen", Count(LeadStatus.Open), "/leads?status=Open"),
            // Only the enforcement lead decides these; for everyone else they are information.
            new("leads-awaiting", "Workbench.LeadsAwaiting", Count(LeadStatus.AwaitingApproval), "/leads?status=AwaitingApproval",
                Urgent: scope.Role == Role.EnforcementLead),
        ];
    }
}
