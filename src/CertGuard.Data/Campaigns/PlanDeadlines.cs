using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns;

/// <summary>
/// Makes the plan deadline act (实施方案, 7月底前): once a campaign's <see cref="Campaign.PlanDueBy"/> has passed,
/// every city's plan not yet submitted is flagged late (逾期), once, and the flag is kept on the plan (audited like any
/// change of it) instead of being worked out each time the list is read. A city that has written nothing yet gets an
/// empty draft to carry the flag; it writes into that draft later. Runs as the platform (the daily deadline job).
/// </summary>
public sealed class PlanDeadlines(CertGuardDbContext db, TimeProvider clock)
{
    /// <summary>Flags the overdue plans of every campaign; returns how many were flagged by this run.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        // PlanDueBy is the end of PlanDueOn: a campaign whose due day is before today is past it.
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.PlanDueOn < today).ToListAsync(ct);
        var flagged = 0;
        foreach (var campaign in campaigns.Where(c => now > c.PlanDueBy))
        {
            var plans = await db.ImplementationPlans.Where(p => p.CampaignId == campaign.Id).ToListAsync(ct);
            foreach (var city in RegionDirectory.Guangdong.Cities)
            {
                var plan = plans.FirstOrDefault(p => p.CityCode == city.Code);
                if (plan is null)
                {
                    plan = new ImplementationPlan(campaign.Id, city.Code);
                    db.ImplementationPlans.Add(plan);
                }
                if (plan.FlagIfOverdue(now, campaign.PlanDueBy)) flagged++;
            }
            await db.SaveChangesAsync(ct);
        }
        return flagged;
    }
}
