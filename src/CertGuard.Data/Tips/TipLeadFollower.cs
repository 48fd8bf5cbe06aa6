using CertGuard.Core.Enforcement;
using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using CertGuard.Core.WebWatch;
using CertGuard.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Tips;

/// <summary>
/// A tip's state follows the lead and the suspect site it became: a suspect confirmed fake substantiates it; a lead
/// closed with no action and a suspect dismissed (whichever it became) end the check as not substantiated; a case
/// decided with a fine or a criminal filing substantiates it (<see cref="TipRewardListener"/>). Applied whenever the tip
/// is shown, so the reporter and the office always see the lead's outcome.
/// </summary>
public sealed class TipLeadFollower(CertGuardDbContext db, ReferenceDataProvider reference, TimeProvider clock)
{
    public async Task FollowAsync(Tip tip, CancellationToken ct)
    {
        if (tip.State != TipState.Checking || (tip.LeadId is null && tip.SuspectId is null)) return;
        // The lead is enforcement's and the suspect web watch's; the tip's reader may see neither (the reporter has no
        // account): the filters are lifted on purpose, and only their outcome is read.
        var leadFailed = true;
        if (tip.LeadId is { } leadId)
        {
            var lead = await db.InspectionLeads.IgnoreQueryFilters().SingleOrDefaultAsync(l => l.Id == leadId, ct);
            leadFailed = lead is { Status: LeadStatus.Closed, Disposition: LeadDisposition.NoAction };
        }
        var siteFailed = true;
        if (tip.SuspectId is { } suspectId)
        {
            var site = await db.Suspects.IgnoreQueryFilters().Where(s => s.Id == suspectId).Select(s => new { s.State, s.IsFake }).SingleOrDefaultAsync(ct);
            // Confirmed fake (and then referred, disposed, ended): the tip was true.
            if (site?.IsFake == true)
            {
                Conclude(tip, substantiated: true);
                return;
            }
            siteFailed = site?.State == SuspectState.Dismissed;
        }
        if (leadFailed && siteFailed) Conclude(tip, substantiated: false);
    }

    public void Conclude(Tip tip, bool substantiated)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        tip.Conclude(substantiated, now, today.AddDays(TipIntake.Days(reference, today, "TIP-FEEDBACK")));
    }
}
