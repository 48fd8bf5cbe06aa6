using CertGuard.Core.Enforcement;
using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using CertGuard.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Tips;

/// <summary>
/// A tip's state follows the lead it became: a lead closed with no action ends the check as not substantiated; a case
/// decided with a fine or a criminal filing substantiates it (<see cref="TipRewardListener"/>). Applied whenever the tip
/// is shown, so the reporter and the office always see the lead's outcome.
/// </summary>
public sealed class TipLeadFollower(CertGuardDbContext db, ReferenceDataProvider reference, TimeProvider clock)
{
    public async Task FollowAsync(Tip tip, CancellationToken ct)
    {
        if (tip.LeadId is not { } leadId || tip.State != TipState.Checking) return;
        // The lead is enforcement's; the tip's reader may not see leads (the reporter has no account): lifted on purpose.
        var lead = await db.InspectionLeads.IgnoreQueryFilters().SingleOrDefaultAsync(l => l.Id == leadId, ct);
        if (lead is { Status: LeadStatus.Closed, Disposition: LeadDisposition.NoAction })
            Conclude(tip, substantiated: false);
    }

    public void Conclude(Tip tip, bool substantiated)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        tip.Conclude(substantiated, now, today.AddDays(TipIntake.Days(reference, today, "TIP-FEEDBACK")));
    }
}
