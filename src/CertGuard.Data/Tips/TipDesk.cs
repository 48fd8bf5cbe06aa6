using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using CertGuard.Data.Accounts;
using CertGuard.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Tips;

public sealed record TipQueueRow(
    Guid Id, string RegionCode, string Department, TipKind Kind, string KindName, TipChannel Channel, TipState State, string StateName,
    DateTimeOffset ReceivedAt, DateOnly CheckDueOn, DateOnly? ExtensionRequestedTo, DateOnly? FeedbackDueOn, string? AssignedTo,
    Guid? LeadId, bool SuspectSiteRaised, bool Named, Guid? MergedIntoId, bool Overdue, int Version, Guid? SuspectId = null);

public sealed record TipFileRow(Guid Id, string ContentType, int Length, DateTimeOffset At);

/// <summary>The tip's material for the assigned officer: the reporter's identity masked (only the reward officer sees it, at payment).</summary>
public sealed record TipMaterial(TipQueueRow Tip, string Site, string What, string? ReporterName, string? ReporterPhone,
    IReadOnlyList<TipMessageView> Messages, IReadOnlyList<TipFileRow> Files);

/// <summary>
/// The office side: a queue per city (the region filter), assignment, the material for the assigned officer only
/// (every read audited), messages to the reporter, the tip turned into a lead, merges, routing by the province office,
/// the check's time limit and its extension. The party reported never has an account that reaches this desk.
/// </summary>
public sealed class TipDesk(CertGuardDbContext db, TipVault vault, TipLeadFollower follower, TipSuspectRaiser suspects, ReferenceDataProvider reference, TimeProvider clock, IActor actor)
{
    public const string ReadAction = "tip-read";

    public async Task<IReadOnlyList<TipQueueRow>> QueueAsync(TipState? state, CancellationToken ct)
    {
        var tips = Visible();
        if (state is { } s) tips = tips.Where(t => t.State == s);
        var list = await tips.OrderBy(t => t.CheckDueOn).ThenBy(t => t.ReceivedAt).Take(500).ToListAsync(ct);
        foreach (var tip in list) await follower.FollowAsync(tip, ct);
        await db.SaveChangesAsync(ct);
        return list.Select(Row).ToList();
    }

    public async Task<TipQueueRow> GetAsync(Guid id, CancellationToken ct)
    {
        var tip = await FindAsync(id, ct);
        await follower.FollowAsync(tip, ct);
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    /// <summary>The material, for the officer assigned only; the read is audited.</summary>
    public async Task<TipMaterial> ReadAsync(Guid id, CancellationToken ct)
    {
        var tip = await AssignedAsync(id, ct);
        var key = vault.OpenAsOffice(tip);
        var report = TipReport.Open(key, tip);
        var messages = await db.TipMessages.Where(m => m.TipId == id).OrderBy(m => m.At).ToListAsync(ct);
        var files = await db.TipFiles.Where(f => f.TipId == id).OrderBy(f => f.At)
            .Select(f => new TipFileRow(f.Id, f.ContentType, f.Length, f.At)).ToListAsync(ct);
        db.AddAuditEntry(ReadAction, nameof(Tip), id.ToString(), "{\"what\":\"material\"}");
        await db.SaveChangesAsync(ct);
        return new TipMaterial(Row(tip), report.Site, report.What, TipReport.MaskName(report.ReporterName), TipReport.MaskPhone(report.ReporterPhone),
            messages.Select(m => new TipMessageView(m.FromReporter, m.At, TipVault.OpenText(key, id, "message", m.Sealed))).ToList(), files);
    }

    public async Task<(byte[] Bytes, string ContentType)> ReadFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var tip = await AssignedAsync(id, ct);
        var file = await db.TipFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.TipId == id, ct) ?? throw Refusal.NotFound("TIP-NOT-FOUND");
        var bytes = TipVault.Open(vault.OpenAsOffice(tip), id, "file", file.Sealed);
        db.AddAuditEntry(ReadAction, nameof(Tip), id.ToString(), $"{{\"file\":\"{fileId}\"}}");
        await db.SaveChangesAsync(ct);
        return (bytes, file.ContentType);
    }

    public async Task<TipQueueRow> AssignAsync(Guid id, string officer, int version, CancellationToken ct)
    {
        var tip = await FindAsync(id, ct, version);
        if (actor.Role != Role.CityOffice && actor.Role != Role.EnforcementLead && !IsDepartmentHead(tip)) throw Refusal.Forbidden("TIP-NOT-ASSIGNER");
        tip.Assign(officer, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    public async Task MessageAsync(Guid id, string? text, CancellationToken ct)
    {
        var body = (text ?? "").Trim();
        if (body.Length == 0) throw Refusal.Invalid("TIP-MESSAGE-REQUIRED");
        if (body.Length > TipIntake.TextMaxLength) throw Refusal.Invalid("TIP-TEXT-TOO-LONG", ("max", TipIntake.TextMaxLength));
        var tip = await AssignedAsync(id, ct);
        var key = vault.OpenAsOffice(tip);
        db.TipMessages.Add(new TipMessage(id, false, actor.Name, clock.GetUtcNow(), TipVault.Seal(key, id, "message", body)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The tip becomes an enforcement lead, a suspect site on web watch's desk (<see cref="TipSuspectRaiser"/>), or both;
    /// its state then follows theirs (<see cref="TipLeadFollower"/>). The summary is the officer's own words: the tip's
    /// material and the reporter stay sealed.
    /// </summary>
    public async Task<TipQueueRow> RaiseAsync(Guid id, bool lead, bool suspectSite, string? summary, int version, CancellationToken ct, string? siteUrl = null)
    {
        if (!lead && !suspectSite) throw Refusal.Invalid("TIP-RAISE-NOTHING");
        var text = (summary ?? "").Trim();
        if (text.Length == 0) throw Refusal.Invalid("TIP-SUMMARY-REQUIRED");
        var tip = await AssignedAsync(id, ct, version);
        if (tip.LeadId is not null || tip.SuspectId is not null) throw Refusal.Conflict("TIP-ALREADY-LEAD");
        var now = clock.GetUtcNow();
        Guid? suspectId = suspectSite ? await suspects.RaiseAsync(tip, siteUrl, text, ct) : null;
        Guid? leadId = null;
        if (lead)
        {
            var prefix = $"举报线索（{TipTexts.KindName(tip.Kind)}）" + (suspectSite ? "［另转网站监测］" : "");
            var created = new InspectionLead(tip.RegionCode, LeadSources.Tip, $"{prefix}：{text}", actor.Name, now) { SourceId = tip.Id };
            db.InspectionLeads.Add(created);
            leadId = created.Id;
        }
        tip.Became(leadId, suspectId);
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    /// <summary>The check ends without a case (or with the officer's finding); the reporter must hear within TIP-FEEDBACK days.</summary>
    public async Task<TipQueueRow> ConcludeAsync(Guid id, bool substantiated, int version, CancellationToken ct)
    {
        var tip = await AssignedAsync(id, ct, version);
        follower.Conclude(tip, substantiated);
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    public async Task<TipQueueRow> MergeAsync(Guid id, Guid intoId, CancellationToken ct)
    {
        var tip = await FindAsync(id, ct);
        if (tip.AssignedTo != actor.Name && actor.Role != Role.CityOffice) throw Refusal.Forbidden("TIP-NOT-ASSIGNED");
        var into = await FindAsync(intoId, ct);
        tip.MergeInto(into);
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    public async Task<TipQueueRow> RouteAsync(Guid id, string? city, string? department, CancellationToken ct)
    {
        if (actor.Role != Role.ProvinceOffice) throw Refusal.Forbidden("TIP-NOT-PROVINCE");
        if (!RegionDirectory.Guangdong.IsCity(city)) throw Refusal.Invalid("TIP-CITY-REQUIRED");
        var tip = await FindAsync(id, ct);
        tip.Route(city!, department ?? TipDepartments.Emergency);
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    public async Task<TipQueueRow> RequestExtensionAsync(Guid id, DateOnly to, CancellationToken ct)
    {
        var tip = await AssignedAsync(id, ct);
        var received = ChinaTime.DateOf(tip.ReceivedAt);
        tip.RequestExtension(to, received.AddDays(TipIntake.Days(reference, received, "TIP-CHECK-MAX")), actor.Name);
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    public async Task<TipQueueRow> ApproveExtensionAsync(Guid id, CancellationToken ct)
    {
        if (actor.Role != Role.EnforcementLead && actor.Role != Role.CityOffice) throw Refusal.Forbidden("TIP-NOT-APPROVER");
        var tip = await FindAsync(id, ct);
        tip.ApproveExtension(actor.Name);
        await db.SaveChangesAsync(ct);
        return Row(tip);
    }

    private IQueryable<Tip> Visible()
    {
        var tips = db.Tips.AsQueryable();
        var department = DepartmentOf(actor.Role);
        return department is null ? tips : tips.Where(t => t.Department == department);
    }

    /// <summary>Police, market regulators and cyberspace offices see the tips routed to their department; the safety offices and enforcement the rest.</summary>
    private static string? DepartmentOf(Role? role) =>
        role == Role.Police ? TipDepartments.Police
        : role == Role.MarketRegulation ? TipDepartments.MarketRegulation
        : role == Role.Cyberspace ? TipDepartments.Cyberspace
        : role == Role.ProvinceOffice ? null
        : TipDepartments.Emergency;

    private bool IsDepartmentHead(Tip tip) => DepartmentOf(actor.Role) == tip.Department && tip.Department != TipDepartments.Emergency;

    private async Task<Tip> FindAsync(Guid id, CancellationToken ct, int? version = null)
    {
        var tip = await Visible().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw Refusal.NotFound("TIP-NOT-FOUND");
        if (version is { } v && v != tip.Version) throw Refusal.Conflict("TIP-STALE");
        return tip;
    }

    private async Task<Tip> AssignedAsync(Guid id, CancellationToken ct, int? version = null)
    {
        var tip = await FindAsync(id, ct, version);
        if (tip.AssignedTo is null || tip.AssignedTo != actor.Name) throw Refusal.Forbidden("TIP-NOT-ASSIGNED");
        return tip;
    }

    private TipQueueRow Row(Tip t)
    {
        var today = ChinaTime.Today(clock);
        var overdue = (t.IsCheckOpen && t.CheckDueOn < today) || (t.FeedbackDueOn is { } f && f < today && t.State is TipState.NotSubstantiated or TipState.Substantiated);
        return new TipQueueRow(t.Id, t.RegionCode, t.Department, t.Kind, TipTexts.KindName(t.Kind), t.Channel, t.State, TipTexts.StateName(t.State),
            t.ReceivedAt, t.CheckDueOn, t.ExtensionRequestedTo, t.FeedbackDueOn, t.AssignedTo, t.LeadId, t.SuspectSiteRaised, t.Named, t.MergedIntoId, overdue, t.Version, t.SuspectId);
    }
}
