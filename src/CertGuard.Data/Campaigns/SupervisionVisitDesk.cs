using CertGuard.Core;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns;

/// <summary>A finding to record on a visit: what the city must fix and by when.</summary>
public sealed record FindingInput(string Finding, DateOnly Deadline);

/// <summary>A visit with the tasks its findings became.</summary>
public sealed record VisitView(SupervisionVisit Visit, IReadOnlyList<SupervisionTask> Tasks);

/// <summary>
/// Supervision groups (督查组): the province office plans a visit to a city and records it with its findings, each of
/// which becomes a task for the city with a deadline; the city office reports each done; open tasks past their
/// deadline are overdue. A city office sees its own city's visits and tasks only (the scope filters).
/// </summary>
public sealed class SupervisionVisitDesk(CertGuardDbContext db, IActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<VisitView>> ListAsync(Guid campaignId, CancellationToken ct)
    {
        var visits = await db.SupervisionVisits.AsNoTracking().Where(v => v.CampaignId == campaignId).OrderBy(v => v.StartsOn).ToListAsync(ct);
        var tasks = await db.SupervisionTasks.AsNoTracking().Where(t => t.CampaignId == campaignId).OrderBy(t => t.Deadline).ToListAsync(ct);
        return visits.Select(v => new VisitView(v, tasks.Where(t => t.VisitId == v.Id).ToList())).ToList();
    }

    public async Task<VisitView> GetAsync(Guid visitId, CancellationToken ct)
    {
        var visit = await db.SupervisionVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw Refusal.NotFound("VISIT-NOT-FOUND");
        var tasks = await db.SupervisionTasks.AsNoTracking().Where(t => t.VisitId == visitId).OrderBy(t => t.Deadline).ToListAsync(ct);
        return new VisitView(visit, tasks);
    }

    public async Task<IReadOnlyList<SupervisionTask>> TasksAsync(Guid campaignId, bool overdueOnly, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var query = db.SupervisionTasks.AsNoTracking().Where(t => t.CampaignId == campaignId);
        if (overdueOnly) query = query.Where(t => !t.Done && t.Deadline < today);
        return await query.OrderBy(t => t.Deadline).ToListAsync(ct);
    }

    public async Task<SupervisionVisit> PlanAsync(Guid campaignId, string cityCode, DateOnly startsOn, DateOnly endsOn, string members, CancellationToken ct)
    {
        if (!RegionDirectory.Guangdong.IsCity(cityCode)) throw Refusal.Invalid("VISIT-CITY", ("city", cityCode));
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        if (startsOn < campaign.StartsOn || endsOn > campaign.EndsOn) throw Refusal.Invalid("CAMPAIGN-DATES");
        var visit = new SupervisionVisit(campaignId, cityCode, startsOn, endsOn, members);
        db.SupervisionVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit;
    }

    /// <summary>Records the visit as made; each finding becomes a task for the city.</summary>
    public async Task<VisitView> RecordAsync(Guid visitId, string summary, string members, IReadOnlyList<FindingInput> findings, int version, CancellationToken ct)
    {
        var visit = await db.SupervisionVisits.FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw Refusal.NotFound("VISIT-NOT-FOUND");
        CampaignDesk.Stale(visit.Version, version);
        visit.Record(summary, members, actor.Name, clock.GetUtcNow());
        foreach (var finding in findings)
        {
            if (finding.Deadline < visit.StartsOn) throw Refusal.Invalid("CAMPAIGN-DATES");
            db.SupervisionTasks.Add(new SupervisionTask(visit, finding.Finding ?? "", finding.Deadline));
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(visitId, ct);
    }

    public async Task<SupervisionTask> ReportDoneAsync(Guid taskId, string report, int version, CancellationToken ct)
    {
        var task = await db.SupervisionTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw Refusal.NotFound("VISIT-NOT-FOUND");
        CampaignDesk.Stale(task.Version, version);
        task.ReportDone(report ?? "", actor.Name, clock.GetUtcNow(), ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return task;
    }
}
