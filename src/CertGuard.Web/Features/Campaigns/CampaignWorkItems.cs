using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Workbench;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Campaigns;

/// <summary>For a city office: its implementation plan still to submit (or returned) in running campaigns, and its supervision tasks (open, overdue).</summary>
public sealed class CampaignCityWorkItems(CertGuardDbContext db, TimeProvider clock) : IWorkbenchItems
{
    public string? Policy => CampaignAccess.CityPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var running = await db.Campaigns.AsNoTracking().Where(c => c.StartsOn <= today && c.EndsOn >= today).Select(c => c.Id).ToListAsync(ct);
        var done = await db.ImplementationPlans.AsNoTracking()
            .Where(p => running.Contains(p.CampaignId) && (p.State == PlanState.Submitted || p.State == PlanState.Accepted)).CountAsync(ct);
        var tasks = db.SupervisionTasks.AsNoTracking().Where(t => running.Contains(t.CampaignId) && !t.Done);
        var link = running.Count == 1 ? $"/campaigns/{running[0]}" : "/campaigns";
        return
        [
            new("campaign-plan-due", "Workbench.CampaignPlanDue", Math.Max(0, running.Count - done), link),
            new("campaign-tasks-open", "Workbench.CampaignTasksOpen", await tasks.CountAsync(ct), link),
            new("campaign-tasks-overdue", "Workbench.CampaignTasksOverdue", await tasks.CountAsync(t => t.Deadline < today, ct), link, Urgent: true),
        ];
    }
}

/// <summary>For the province office: plans and summaries waiting for its decision.</summary>
public sealed class CampaignProvinceWorkItems(CertGuardDbContext db) : IWorkbenchItems
{
    public string? Policy => CampaignAccess.ProvincePolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct) =>
    [
        new("campaign-plans-review", "Workbench.CampaignPlansReview", await db.ImplementationPlans.AsNoTracking().CountAsync(p => p.State == PlanState.Submitted, ct), "/campaigns"),
        new("campaign-summaries-review", "Workbench.CampaignSummariesReview", await db.CampaignSummaries.AsNoTracking().CountAsync(s => s.State == PlanState.Submitted, ct), "/campaigns"),
    ];
}
