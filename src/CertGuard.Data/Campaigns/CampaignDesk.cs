using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns;

/// <summary>A phase with its tasks, as the campaign page and the API show it.</summary>
public sealed record PhaseView(CampaignPhase Phase, IReadOnlyList<CampaignTask> Tasks, bool Closed, bool Current);

/// <summary>A member of the working group; the phone masked unless the viewer is the province office.</summary>
public sealed record MemberView(Guid Id, string Name, string Unit, string Post, string Phone);

/// <summary>A campaign with its phases, tasks and working group.</summary>
public sealed record CampaignView(Campaign Campaign, IReadOnlyList<PhaseView> Phases, IReadOnlyList<MemberView> Members);

/// <summary>A phase as the province office sets it up.</summary>
public sealed record PhaseInput(string Name, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// Setting up and reading campaigns: the province office creates a campaign with its phases, gives each phase's tasks
/// to the departments and names the working group; every office reads them. A closed phase's tasks no longer change.
/// </summary>
public sealed class CampaignDesk(CertGuardDbContext db, IActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ToListAsync(ct);

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct) => db.Campaigns.AnyAsync(c => c.Id == id, ct);

    public async Task<Campaign> FindAsync(Guid id, CancellationToken ct) =>
        await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");

    public async Task<CampaignView> GetAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        var today = ChinaTime.Today(clock);
        var phases = await db.CampaignPhases.AsNoTracking().Where(p => p.CampaignId == id).OrderBy(p => p.Order).ToListAsync(ct);
        var tasks = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == id).ToListAsync(ct);
        var members = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.CampaignId == id).ToListAsync(ct);
        var province = actor.Scope is null || actor.Role == Role.ProvinceOffice;
        return new CampaignView(
            campaign,
            phases.Select(p => new PhaseView(p,
                tasks.Where(t => t.PhaseId == p.Id).OrderBy(t => Department(t.Department)).ThenBy(t => t.Deadline).ToList(),
                p.IsClosedOn(today), p.IsCurrentOn(today))).ToList(),
            members.OrderBy(m => m.Id).Select(m => new MemberView(m.Id, m.Name, m.Unit, m.Post, province ? m.Phone : WorkingGroupMember.MaskPhone(m.Phone))).ToList());
    }

    /// <summary>Creates a campaign; without phases it gets the notice's four, on its own dates.</summary>
    public async Task<Campaign> CreateAsync(string name, string documentNumber, DateOnly startsOn, DateOnly endsOn, IReadOnlyList<PhaseInput>? phases, CancellationToken ct)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > Campaign.NameMaxLength) throw Refusal.Invalid("CAMPAIGN-NAME", ("max", Campaign.NameMaxLength));
        var number = (documentNumber ?? "").Trim();
        if (number.Length is 0 or > 64) throw Refusal.Invalid("CAMPAIGN-NAME", ("max", 64));
        if (endsOn < startsOn) throw Refusal.Invalid("CAMPAIGN-DATES");
        var campaign = new Campaign(Guid.CreateVersion7(), trimmed, number, startsOn, endsOn);
        db.Campaigns.Add(campaign);
        var order = 0;
        foreach (var p in phases is { Count: > 0 } ? phases : NoticePhases(startsOn, endsOn))
        {
            if (p.StartsOn < startsOn || p.EndsOn > endsOn) throw Refusal.Invalid("CAMPAIGN-DATES");
            db.CampaignPhases.Add(new CampaignPhase(campaign.Id, ++order, p.Name, p.StartsOn, p.EndsOn));
        }
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<Campaign> SetDeadlinesAsync(Guid id, DateOnly planDueOn, DateOnly summaryDueOn, int version, CancellationToken ct)
    {
        var campaign = await FindAsync(id, ct);
        Stale(campaign.Version, version);
        campaign.SetDeadlines(planDueOn, summaryDueOn);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<CampaignTask> AddTaskAsync(Guid phaseId, string department, string text, DateOnly deadline, CancellationToken ct)
    {
        var phase = await db.CampaignPhases.FirstOrDefaultAsync(p => p.Id == phaseId, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        phase.EnsureOpen(ChinaTime.Today(clock));
        var task = new CampaignTask(phase, department ?? "", text ?? "", deadline);
        db.CampaignTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task<CampaignTask> EditTaskAsync(Guid taskId, string department, string text, DateOnly deadline, int version, CancellationToken ct)
    {
        var task = await db.CampaignTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        Stale(task.Version, version);
        var phase = await db.CampaignPhases.FirstAsync(p => p.Id == task.PhaseId, ct);
        task.Edit(phase, department ?? "", text ?? "", deadline, ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task<WorkingGroupMember> AddMemberAsync(Guid campaignId, string name, string unit, string post, string phone, CancellationToken ct)
    {
        var campaign = await FindAsync(campaignId, ct);
        var member = new WorkingGroupMember(campaign.Id, name ?? "", unit ?? "", post ?? "", phone ?? "");
        db.WorkingGroupMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>The notice's calendar: 动员部署 to the end of the first month, 自查自纠 the next month, 集中整治 to the eve of the last month, 总结巩固 the last month.</summary>
    public static IReadOnlyList<PhaseInput> NoticePhases(DateOnly startsOn, DateOnly endsOn)
    {
        var firstEnd = Campaign.DefaultPlanDue(startsOn);
        var secondStart = firstEnd.AddDays(1);
        var secondEnd = new DateOnly(secondStart.Year, secondStart.Month, DateTime.DaysInMonth(secondStart.Year, secondStart.Month));
        var lastStart = new DateOnly(endsOn.Year, endsOn.Month, 1);
        if (secondEnd >= lastStart || firstEnd >= endsOn)
            return [new PhaseInput("专项行动", startsOn, endsOn)];
        return
        [
            new PhaseInput("动员部署", startsOn, firstEnd),
            new PhaseInput("自查自纠", secondStart, secondEnd),
            new PhaseInput("集中整治", secondEnd.AddDays(1), lastStart.AddDays(-1)),
            new PhaseInput("总结巩固", lastStart, endsOn),
        ];
    }

    internal static void Stale(int current, int seen)
    {
        if (current != seen) throw Refusal.Conflict("CAMPAIGN-STALE", ("version", current));
    }

    private static int Department(string id)
    {
        for (var i = 0; i < CampaignDepartments.All.Count; i++)
            if (CampaignDepartments.All[i].Id == id) return i;
        return int.MaxValue;
    }
}
