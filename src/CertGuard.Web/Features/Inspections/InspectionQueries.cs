using CertGuard.Core.Inspections;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Inspections;

/// <summary>Reads of inspections and orders for pages and the API; scope is the data layer's filters.</summary>
public sealed class InspectionQueries(CertGuardDbContext db, TimeProvider clock, IActor actor)
{
    public bool SeesFullNumbers => actor.Scope is { } scope && InspectionAccess.Works(scope);

    public bool Works => SeesFullNumbers;

    public async Task<IReadOnlyList<Inspection>> ListAsync(InspectionStatus? status, int? year, CancellationToken ct)
    {
        var query = db.Set<Inspection>().AsNoTracking();
        if (status is { } s) query = query.Where(i => i.Status == s);
        if (year is { } y) query = query.Where(i => i.CampaignYear == y);
        return await query.OrderByDescending(i => i.PlannedOn).ThenBy(i => i.OrganisationName).Take(500).ToListAsync(ct);
    }

    public async Task<InspectionResponse?> GetAsync(Guid id, CancellationToken ct)
    {
        var i = await db.Set<Inspection>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return null;
        var workers = await db.Set<InspectionWorker>().AsNoTracking().Where(w => w.InspectionId == id).OrderBy(w => w.RecordedAt).ToListAsync(ct);
        var findings = await db.Set<InspectionFinding>().AsNoTracking().Where(f => f.InspectionId == id).OrderBy(f => f.RecordedAt).ToListAsync(ct);
        var evidence = await db.Set<InspectionEvidence>().AsNoTracking().Where(e => e.InspectionId == id).ToListAsync(ct);
        var orders = await db.Set<CorrectionOrder>().AsNoTracking().Where(o => o.InspectionId == id).OrderBy(o => o.IssuedAt).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        return new InspectionResponse(
            i.Id, i.Target.Code(), i.OrganisationId, i.OrganisationName, i.RegionCode, i.Status.Code(), i.PlannedOn, i.CampaignYear, i.PlanReason,
            i.Officers.Select(OfficerResponse.From).ToList(), i.OnSiteAt, i.Place, i.Conclusion, i.CompletedAt, i.QuestionnaireVersion, i.Conditions,
            workers.Select(w => WorkerResponse.From(w, SeesFullNumbers)).ToList(),
            findings.Select(f => FindingResponse.From(f, evidence)).ToList(),
            orders.Select(o => OrderResponse.From(o, today)).ToList(), i.Version);
    }

    /// <summary>Orders to correct: an organisation its own, a city its city's, the province all.</summary>
    public async Task<IReadOnlyList<CorrectionOrder>> OrdersAsync(bool overdueOnly, CancellationToken ct)
    {
        var query = db.Set<CorrectionOrder>().AsNoTracking();
        if (actor.Scope is { } scope && InspectionAccess.IsAddressee(scope)) query = query.Where(o => o.OrganisationId == scope.OrganisationId);
        var today = ChinaTime.Today(clock);
        if (overdueOnly) query = query.Where(o => o.Status == CorrectionStatus.Open && o.Deadline < today);
        var orders = await query.OrderBy(o => o.Deadline).Take(500).ToListAsync(ct);
        // Open ones first (the overdue at the top), then those waiting for re-inspection, then the finished.
        return orders.OrderBy(o => o.IsFinal).ThenBy(o => o.Status != CorrectionStatus.Open).ThenBy(o => o.Deadline).ToList();
    }
}
