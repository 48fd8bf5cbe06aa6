using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Employers;
using Microsoft.EntityFrameworkCore;
using CertGuard.Data.Accounts;

namespace CertGuard.Web.Features.Employers;

/// <summary>Which items a list shows: by state, only overdue ones, one employer's.</summary>
public sealed record RectificationFilter(RectificationStatus? Status = null, bool OverdueOnly = false, Guid? Employer = null, bool OpenOnly = false);

/// <summary>
/// Rectification (整改) as the employer and the city office work it: the employer records what it did on its own
/// items; the city office of the employer's city confirms or returns them; a suspected fake becomes an inspection
/// lead in one step. Items outside the account's scope are not found (the caller answers 404).
/// </summary>
public sealed class RectificationDesk(CertGuardDbContext db, TimeProvider clock, IActor actor)
{
    public const string LeadSource = LeadSources.Roster;

    private AccessScope Scope => actor.Scope ?? AccessScope.Anonymous;

    /// <summary>
    /// The items the actor works with: the query filters keep an employer to its own and a city to its city's; of the
    /// others, only employers and safety offices see any.
    /// </summary>
    public IQueryable<RectificationItem> Visible()
    {
        var items = db.Set<RectificationItem>().AsQueryable();
        return EmployerAccess.IsEmployer(Scope) || EmployerAccess.IsOffice(Scope) ? items : items.Where(_ => false);
    }

    public async Task<List<RectificationItem>> ListAsync(RectificationFilter filter, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var items = Visible().AsNoTracking();
        if (filter.Status is { } status) items = items.Where(i => i.Status == status);
        if (filter.OpenOnly) items = items.StillOpen();
        if (filter.Employer is { } employer) items = items.Where(i => i.OrganisationId == employer);
        if (filter.OverdueOnly) items = items.Overdue(today);
        return await items.OrderBy(i => i.Deadline).ThenBy(i => i.WorkerName).Take(2000).ToListAsync(ct);
    }

    /// <summary>The employer records what it did about one of its own items.</summary>
    public Task<RectificationItem?> ReportAsync(Guid id, string actionTaken, CancellationToken ct) =>
        ActAsync(id, EmployerAccess.IsEmployer(Scope), i => i.Report(actionTaken, actor.Name, clock.GetUtcNow()), ct);

    /// <summary>The city office accepts the employer's rectification.</summary>
    public Task<RectificationItem?> ConfirmAsync(Guid id, string? note, CancellationToken ct) =>
        ActAsync(id, Scope.Role == Role.CityOffice, i => i.Confirm(note, actor.Name, clock.GetUtcNow()), ct);

    /// <summary>The city office sends it back to the employer with its reason.</summary>
    public Task<RectificationItem?> ReturnAsync(Guid id, string note, CancellationToken ct) =>
        ActAsync(id, Scope.Role == Role.CityOffice, i => i.Return(note, actor.Name, clock.GetUtcNow()), ct);

    /// <summary>
    /// Turns a suspected fake into an inspection lead for the enforcement of the employer's city, in one step (by the
    /// employer reporting it or by the city office). Null when the item is not in scope.
    /// </summary>
    public async Task<InspectionLead?> RaiseLeadAsync(Guid id, CancellationToken ct)
    {
        if (!EmployerAccess.IsEmployer(Scope) && Scope.Role != Role.CityOffice) return null;
        var item = await Visible().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        if (item.RequiredAction != RequiredAction.ReportSuspectedFake)
            throw Refusal.Conflict("RECTIFY-NOT-FAKE");
        var employer = await db.Organisations.AsNoTracking().Where(o => o.Id == item.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var summary = $"用人单位“{employer}”名册自查发现疑似假证：{item.WorkerName}（证号 {ResidentIdNumber.Mask(item.Number)}），"
                      + $"岗位：{item.PositionName ?? "未指定"}。核验结论：{item.Verdict.ChineseName()}，{item.Reason}";
        var lead = new InspectionLead(item.RegionCode, LeadSource, summary, actor.Name, clock.GetUtcNow())
        {
            CertificateNumber = item.Number, CertificateId = item.CertificateId, OrganisationId = item.OrganisationId, SourceId = item.Id,
        };
        item.LinkLead(lead.Id);
        db.InspectionLeads.Add(lead);
        await db.SaveChangesAsync(ct);
        return lead;
    }

    private async Task<RectificationItem?> ActAsync(Guid id, bool allowed, Action<RectificationItem> act, CancellationToken ct)
    {
        if (!allowed) return null;
        var item = await Visible().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        act(item);
        await db.SaveChangesAsync(ct);
        return item;
    }
}
