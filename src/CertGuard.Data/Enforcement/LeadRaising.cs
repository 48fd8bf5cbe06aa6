using CertGuard.Core.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement;

/// <summary>How any module raises a lead: at most one per source record, whoever raises it and whatever they may read.</summary>
public static class LeadRaising
{
    /// <summary>
    /// Adds <paramref name="lead"/> unless a lead from the same source record (<see cref="InspectionLead.Source"/> and
    /// <see cref="InspectionLead.SourceId"/>) exists already or is being added in this unit of work; returns the lead that
    /// stands, which is the earlier one when there was one. The caller saves.
    /// </summary>
    public static async Task<(InspectionLead Lead, bool Raised)> RaiseOnceAsync(this CertGuardDbContext db, InspectionLead lead, CancellationToken ct)
    {
        if (lead.SourceId is { } sourceId)
        {
            // The raiser may not read leads at all (an employer, an institution): the rule is the platform's, not the reader's.
            var existing = db.InspectionLeads.Local.FirstOrDefault(l => l.Source == lead.Source && l.SourceId == sourceId)
                           ?? await db.InspectionLeads.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.Source == lead.Source && l.SourceId == sourceId, ct);
            if (existing is not null) return (existing, false);
        }
        db.InspectionLeads.Add(lead);
        return (lead, true);
    }
}
