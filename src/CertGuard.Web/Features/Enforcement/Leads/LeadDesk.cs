using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>
/// The city's lead inbox (线索池): what an account sees is the query filters' (its city, its department); what it may do
/// is <see cref="LeadAccess"/>'s. A lead outside the account's scope is not found; one it only reads is forbidden to
/// act on; a stale version is a conflict.
/// </summary>
public sealed class LeadDesk(CertGuardDbContext db, TimeProvider clock, IActor actor)
{
    public const string ReadPolicy = "leads-read";
    public const string PolicePolicy = "leads-police";
    public const int PageSize = 50;
    public const int TextMaxLength = 100;

    private AccessScope Scope => actor.Scope ?? AccessScope.Anonymous;

    public async Task<LeadPage> ListAsync(LeadFilter filter, int page, CancellationToken ct)
    {
        var query = db.InspectionLeads.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(l => l.Status == status);
        else if (filter.ActiveOnly) query = query.Where(l => l.Status != LeadStatus.Closed);
        if (!string.IsNullOrEmpty(filter.City)) query = query.Where(l => l.RegionCode == filter.City);
        if (!string.IsNullOrEmpty(filter.Source)) query = query.Where(l => l.Source == filter.Source);
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var bare = CardForensics.Bare(text);
            query = query.Where(l => l.Summary.Contains(text) || l.CertificateNumber == bare);
        }
        var total = await query.CountAsync(ct);
        // Bounded: clamped to the last page, so a huge page number cannot overflow the offset.
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Min(int.MaxValue, ((long)total + PageSize - 1) / PageSize)));
        // Open work first, the oldest first (it has waited longest), then by source.
        var items = await query.OrderBy(l => l.Status == LeadStatus.Closed).ThenBy(l => l.RaisedAt).ThenBy(l => l.Source).ThenBy(l => l.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new LeadPage(items.Select(l => LeadView.Of(l)).ToList(), page, total);
    }

    /// <summary>The leads the account sees, per city (its own, or every city for the province), the cities with most waiting first.</summary>
    public async Task<List<LeadCitySummary>> SummaryAsync(CancellationToken ct)
    {
        var rows = await db.InspectionLeads.AsNoTracking()
            .GroupBy(l => new { l.RegionCode, l.Status, l.Disposition })
            .Select(g => new { g.Key.RegionCode, g.Key.Status, g.Key.Disposition, Count = g.Count(), Oldest = g.Min(l => l.RaisedAt) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.RegionCode)
            .Select(city =>
            {
                int Count(LeadStatus status, LeadDisposition? disposition = null) =>
                    city.Where(r => r.Status == status && (disposition is null || r.Disposition == disposition)).Sum(r => r.Count);
                var waiting = city.Where(r => r.Status != LeadStatus.Closed).ToList();
                return new LeadCitySummary(city.Key, Count(LeadStatus.Open), Count(LeadStatus.AwaitingApproval),
                    waiting.Count == 0 ? null : waiting.Min(r => r.Oldest),
                    Count(LeadStatus.Closed, LeadDisposition.CaseOpened), Count(LeadStatus.Closed, LeadDisposition.Referred),
                    Count(LeadStatus.Closed, LeadDisposition.Merged), Count(LeadStatus.Closed, LeadDisposition.NoAction));
            })
            .OrderByDescending(c => c.Open + c.AwaitingApproval).ThenBy(c => c.RegionCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One lead, or null when the account does not see it. Those who work or police it see the full certificate number,
    /// and that read of personal data is audited.
    /// </summary>
    public async Task<LeadDetail?> FindAsync(Guid id, CancellationToken ct)
    {
        var lead = await db.InspectionLeads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return null;
        var full = lead.CertificateNumber is not null && (LeadAccess.MayWork(Scope) || LeadAccess.MayPassFromPolice(Scope));
        if (full)
        {
            db.AddAuditEntry("read", nameof(InspectionLead), lead.Id.ToString(), "{\"field\":\"certificateNumber\"}");
            await db.SaveChangesAsync(ct);
        }
        var organisation = lead.OrganisationId is { } o
            ? await db.Organisations.AsNoTracking().Where(x => x.Id == o).Select(x => x.Name).SingleOrDefaultAsync(ct)
            : null;
        var merged = await db.InspectionLeads.AsNoTracking().Where(l => l.MergedIntoId == id).OrderBy(l => l.RaisedAt).Take(100).ToListAsync(ct);
        return new LeadDetail(LeadView.Of(lead, full), organisation, merged.Select(l => LeadView.Of(l)).ToList());
    }

    public Task<LeadView> ReferAsync(Guid id, string? department, string? note, int? version, CancellationToken ct)
    {
        if (!LeadDepartments.IsKnown(department)) throw Refusal.Invalid("LEAD-DEPARTMENT", ("department", department ?? ""));
        return ActAsync(id, version, approval: false, l => l.Refer(department!, note ?? "", actor.Name, clock.GetUtcNow()), ct);
    }

    public async Task<LeadView> MergeAsync(Guid id, Guid into, int? version, CancellationToken ct)
    {
        // Another city's lead is not visible: it is not a target (the entity refuses the rest).
        var target = await db.InspectionLeads.SingleOrDefaultAsync(l => l.Id == into, ct);
        return await ActAsync(id, version, approval: false,
            l => l.MergeInto(target ?? throw Refusal.Conflict("LEAD-MERGE-TARGET"), actor.Name, clock.GetUtcNow()), ct);
    }

    public Task<LeadView> ProposeNoActionAsync(Guid id, string? reason, int? version, CancellationToken ct) =>
        ActAsync(id, version, approval: false, l => l.ProposeNoAction(reason ?? "", actor.Name, clock.GetUtcNow()), ct);

    public Task<LeadView> ApproveNoActionAsync(Guid id, int? version, CancellationToken ct) =>
        ActAsync(id, version, approval: true, l => l.ApproveNoAction(actor.Name, clock.GetUtcNow()), ct);

    public Task<LeadView> RejectNoActionAsync(Guid id, int? version, CancellationToken ct) =>
        ActAsync(id, version, approval: true, l => l.RejectNoAction(), ct);

    /// <summary>The police pass a lead to their city's safety bureau; passing the same record twice returns the first lead.</summary>
    public async Task<(LeadView Lead, bool Raised)> PassFromPoliceAsync(PoliceLeadInput input, CancellationToken ct)
    {
        if (!LeadAccess.MayPassFromPolice(Scope) || Scope.CityCode is not { } city) throw Refusal.Forbidden("LEAD-POLICE-ONLY");
        var summary = input.Summary?.Trim() ?? "";
        if (summary.Length == 0) throw Refusal.Invalid("LEAD-SUMMARY-REQUIRED");
        if (summary.Length > InspectionLead.TextMaxLength) throw Refusal.Invalid("LEAD-SUMMARY-TOO-LONG", ("max", InspectionLead.TextMaxLength));
        var number = string.IsNullOrWhiteSpace(input.CertificateNumber) ? null : CardForensics.Bare(input.CertificateNumber);
        if (number is { Length: > 32 }) throw Refusal.Invalid("LEAD-NUMBER-INVALID");
        if (input.OrganisationId is { } employer
            && !await db.Organisations.AnyAsync(o => o.Id == employer && o.Kind == Role.Employer.Id && o.RegionCode == city, ct))
            throw Refusal.Invalid("LEAD-EMPLOYER-UNKNOWN");
        // The police browse their city's registry: the certificate, when the number is one of its.
        var certificate = number is null ? null
            : await db.Certificates.AsNoTracking().Where(c => c.Number == number).OrderByDescending(c => c.ValidTo).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var lead = new InspectionLead(city, LeadSources.Police, "公安机关移交：" + summary, actor.Name, clock.GetUtcNow())
        {
            CertificateNumber = number, CertificateId = certificate, OrganisationId = input.OrganisationId, SourceId = input.SourceId,
        };
        var (stands, raised) = await db.RaiseOnceAsync(lead, ct);
        if (raised) await db.SaveChangesAsync(ct);
        return (LeadView.Of(stands), raised);
    }

    /// <summary>The leads of the account's city a lead may be merged into (open, not itself), newest first.</summary>
    public async Task<List<LeadView>> MergeTargetsAsync(LeadView lead, CancellationToken ct)
    {
        var targets = await db.InspectionLeads.AsNoTracking()
            .Where(l => l.Id != lead.Id && l.RegionCode == lead.RegionCode && l.Status == LeadStatus.Open)
            .OrderByDescending(l => l.RaisedAt).Take(50).ToListAsync(ct);
        return targets.Select(l => LeadView.Of(l)).ToList();
    }

    /// <param name="approval">Only the enforcement lead may act; otherwise anyone who works the city's leads.</param>
    private async Task<LeadView> ActAsync(Guid id, int? version, bool approval, Action<InspectionLead> act, CancellationToken ct)
    {
        var lead = await db.InspectionLeads.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw Refusal.NotFound("LEAD-NOT-FOUND");
        if (approval && !LeadAccess.MayDecideNoAction(Scope)) throw Refusal.Forbidden("LEAD-APPROVER-ONLY");
        if (!approval && !LeadAccess.MayWork(Scope)) throw Refusal.Forbidden("LEAD-READ-ONLY");
        if (version is { } expected)
        {
            if (expected != lead.Version) throw Refusal.Conflict("LEAD-STALE", ("version", lead.Version));
            // Also guards the save: a change made between this read and the write is a conflict too.
            db.Entry(lead).Property(l => l.Version).OriginalValue = expected;
        }
        act(lead);
        await db.SaveChangesAsync(ct);
        return LeadView.Of(lead);
    }
}
