using CertGuard.Core;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns;

/// <summary>One city's line on the plans view: its plan (null: nothing yet) and whether it is late (逾期) now.</summary>
public sealed record PlanRow(string CityCode, string CityName, ImplementationPlan? Plan, bool Overdue, IReadOnlyList<AttachmentInfo> Attachments);

/// <summary>An attachment described without its bytes (lists never load the files).</summary>
public sealed record AttachmentInfo(Guid Id, Guid OwnerId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>
/// Implementation plans (实施方案): a city office writes, attaches and submits its own city's; the province office sees
/// every city's (late ones flagged 逾期, including those never submitted) and accepts or returns them. The scope filters
/// hide another city's plan from a city office, which therefore reads as not found.
/// </summary>
public sealed class PlanDesk(CertGuardDbContext db, IActor actor, TimeProvider clock)
{
    /// <summary>Every city the viewer sees (the province: all 21 in order; a city: its own).</summary>
    public async Task<IReadOnlyList<PlanRow>> ListAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        var plans = await db.ImplementationPlans.AsNoTracking().Where(p => p.CampaignId == campaignId).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var files = await db.PlanAttachments.AsNoTracking().Where(a => ids.Contains(a.OwnerId))
            .Select(a => new AttachmentInfo(a.Id, a.OwnerId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt)).ToListAsync(ct);
        var city = actor.Scope?.CityCode;
        return RegionDirectory.Guangdong.Cities.Where(c => city is null || c.Code == city).Select(c =>
        {
            var plan = plans.FirstOrDefault(p => p.CityCode == c.Code);
            // Lateness is the plan's own flag: set by the daily deadline job (PlanDeadlines) or by a late submission.
            var overdue = plan?.Late == true;
            IReadOnlyList<AttachmentInfo> attachments = plan is null ? [] : files.Where(f => f.OwnerId == plan.Id).OrderBy(f => f.UploadedAt).ToList();
            return new PlanRow(c.Code, c.Name, plan, overdue, attachments);
        }).ToList();
    }

    public async Task<ImplementationPlan> GetAsync(Guid planId, CancellationToken ct) =>
        await db.ImplementationPlans.FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw Refusal.NotFound("PLAN-NOT-FOUND");

    /// <summary>The city office writes its own city's plan (created at the first write).</summary>
    public async Task<ImplementationPlan> WriteAsync(Guid campaignId, string text, CancellationToken ct)
    {
        var city = OwnCity();
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) throw Refusal.NotFound("CAMPAIGN-NOT-FOUND");
        var plan = await db.ImplementationPlans.FirstOrDefaultAsync(p => p.CampaignId == campaignId && p.CityCode == city, ct);
        if (plan is null)
        {
            plan = new ImplementationPlan(campaignId, city);
            db.ImplementationPlans.Add(plan);
        }
        plan.Write(text ?? "");
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<ImplementationPlan> SubmitAsync(Guid planId, int version, CancellationToken ct)
    {
        var plan = await GetAsync(planId, ct);
        CampaignDesk.Stale(plan.Version, version);
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == plan.CampaignId, ct);
        plan.Submit(actor.Name, clock.GetUtcNow(), campaign.PlanDueBy);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<ImplementationPlan> DecideAsync(Guid planId, bool accept, string? reason, int version, CancellationToken ct)
    {
        var plan = await GetAsync(planId, ct);
        CampaignDesk.Stale(plan.Version, version);
        if (accept) plan.Accept(actor.Name, clock.GetUtcNow());
        else plan.Return(reason ?? "", actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<PlanAttachment> AttachAsync(Guid planId, string fileName, byte[] content, CancellationToken ct)
    {
        var plan = await GetAsync(planId, ct);
        if (!plan.IsOpen) throw Refusal.Conflict("PLAN-FROZEN");
        if (await db.PlanAttachments.CountAsync(a => a.OwnerId == planId, ct) >= PlanAttachments.MaxFiles)
            throw Refusal.TooMany("PLAN-ATTACHMENT-TOO-MANY", ("max", PlanAttachments.MaxFiles));
        var attachment = new PlanAttachment(plan.Id, plan.CityCode, fileName, content, clock.GetUtcNow());
        db.PlanAttachments.Add(attachment);
        plan.Write(plan.Text); // a new file is a change of the plan: its version moves and the change is audited
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    public async Task<PlanAttachment> AttachmentAsync(Guid id, CancellationToken ct) =>
        await db.PlanAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw Refusal.NotFound("PLAN-NOT-FOUND");

    private string OwnCity() => actor.Scope?.CityCode ?? throw Refusal.Forbidden("FORBIDDEN");
}

/// <summary>Limits of plan attachments beside <see cref="PlanAttachment"/>'s size and type.</summary>
public static class PlanAttachments
{
    public const int MaxFiles = 10;
}
