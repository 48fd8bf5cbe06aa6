using CertGuard.Core;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Supervision;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using CertGuard.Data.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.Supervision;

/// <summary>
/// The supervision desk (挂牌督办): the province office (any city) or a city office (its own) puts an open case under
/// supervision with a deadline and a report interval from the reference data unless the notice sets them; the case
/// city's enforcement reports progress; only the supervising office lifts it. Pages and the API share it.
/// </summary>
public sealed class SupervisionDesk(CertGuardDbContext db, IActor actor, TimeProvider clock, ReferenceDataProvider reference)
{
    /// <summary>The default deadline of a supervision notice (reference data, a provincial example: 60 days).</summary>
    public const string DeadlineLimit = "SUPERVISION-DEADLINE";

    /// <summary>The default interval between progress reports (reference data).</summary>
    public const string ReportLimit = "SUPERVISION-REPORT";

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The defaults a new notice starts from: the deadline and the report interval of the rules in force.</summary>
    public (DateOnly Deadline, int ReportIntervalDays) Defaults()
    {
        var rules = reference.Today;
        return (Today.AddDays(Days(rules.TimeLimit(DeadlineLimit))), Days(rules.TimeLimit(ReportLimit)));
    }

    /// <summary>Every supervised case the account sees: the active ones first (overdue, then the fewest days left), then the lifted.</summary>
    public async Task<IReadOnlyList<SupervisionSummary>> ListAsync(CancellationToken ct)
    {
        var all = await db.SupervisedCases.AsNoTracking().Include(s => s.Reports).AsSplitQuery()
            .OrderByDescending(s => s.StartedAt).Take(1000).ToListAsync(ct);
        var today = Today;
        return [.. all.Select(s => SupervisionSummary.From(s, today))
            .OrderBy(s => s.Supervision.IsActive ? 0 : 1).ThenBy(s => s.Supervision.IsActive ? s.DaysLeft : 0)
            .ThenByDescending(s => s.Supervision.LiftedAt)];
    }

    public async Task<SupervisionSummary?> FindAsync(Guid id, CancellationToken ct) =>
        await db.SupervisedCases.AsNoTracking().Include(s => s.Reports).AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? SupervisionSummary.From(s, Today) : null;

    /// <summary>The open cases the office may put under supervision now (its city's, or all for the province), newest first.</summary>
    public async Task<IReadOnlyList<(Guid Id, string RegionCode, string Title)>> CandidatesAsync(CancellationToken ct)
    {
        if (!SupervisionAccess.MayPlaceAny(actor.Scope)) return [];
        var supervised = db.SupervisedCases.Where(s => s.State == SupervisionState.Active).Select(s => s.CaseId);
        var rows = await db.EnforcementCases.AsNoTracking()
            .Where(c => c.Stage != CaseStage.Closed && !supervised.Contains(c.Id))
            .OrderByDescending(c => c.OpenedAt).Take(200)
            .Select(c => new { c.Id, c.RegionCode, c.Title }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.RegionCode, r.Title))];
    }

    /// <summary>挂牌: an open case of the office's reach, not already under supervision.</summary>
    public async Task<SupervisedCase> PlaceAsync(PlaceSupervisionRequest r, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (!SupervisionAccess.MayPlaceAny(scope)) throw Refusal.Forbidden("SUPERVISION-PLACE-FORBIDDEN");
        var c = await db.EnforcementCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == r.CaseId, ct) ?? throw Refusal.NotFound("CASE-NOT-FOUND");
        if (!SupervisionAccess.MayPlace(scope, c.RegionCode)) throw Refusal.Forbidden("SUPERVISION-PLACE-FORBIDDEN");
        if (c.IsClosed) throw Refusal.Conflict("CASE-CLOSED");
        if (await db.SupervisedCases.AnyAsync(s => s.CaseId == c.Id && s.State == SupervisionState.Active, ct))
            throw Refusal.Conflict("SUPERVISION-ACTIVE");
        var (deadline, interval) = Defaults();
        var notice = new SupervisionNotice(c.Id, c.RegionCode, c.Title, SupervisionAccess.SupervisorRegion(scope!), scope!.Role == Core.Accounts.Role.ProvinceOffice,
            r.Deadline ?? deadline, r.ReportIntervalDays ?? interval, r.Requirements ?? "");
        var placed = new SupervisedCase(notice, Who, clock.GetUtcNow());
        db.SupervisedCases.Add(placed);
        await SaveAsync(ct);
        return placed;
    }

    /// <summary>A progress report by the case city's enforcement.</summary>
    public async Task<SupervisedCase> ReportAsync(Guid id, SupervisionReportRequest r, CancellationToken ct)
    {
        var s = await LoadAsync(id, r.Version, ct);
        if (!SupervisionAccess.MayReport(actor.Scope, s)) throw Refusal.Forbidden("SUPERVISION-REPORT-FORBIDDEN");
        s.Report(r.Text ?? "", Who, clock.GetUtcNow());
        await SaveAsync(ct);
        return s;
    }

    /// <summary>验收销号, by the supervising office only.</summary>
    public async Task<SupervisedCase> LiftAsync(Guid id, LiftSupervisionRequest r, CancellationToken ct)
    {
        var s = await LoadAsync(id, r.Version, ct);
        SupervisionAccess.RequireSupervisor(actor.Scope, s);
        s.Lift(r.Result ?? "", Who, clock.GetUtcNow());
        await SaveAsync(ct);
        return s;
    }

    private async Task<SupervisedCase> LoadAsync(Guid id, int version, CancellationToken ct)
    {
        var s = await db.SupervisedCases.Include(x => x.Reports).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw Refusal.NotFound("SUPERVISION-NOT-FOUND");
        if (s.Version != version) throw Refusal.Conflict("SUPERVISION-STALE");
        return s;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refusal.Conflict("SUPERVISION-STALE");
        }
    }

    private static int Days(ProceduralTimeLimit? limit) => limit switch
    {
        { Unit: TimeLimitUnit.Days } l => l.Amount,
        { Unit: TimeLimitUnit.Hours } l => Math.Max(1, l.Amount / 24),
        { Unit: TimeLimitUnit.Years } l => l.Amount * 365,
        _ => throw new InvalidOperationException("The reference data in force has no supervision time limit."),
    };

    private string Who
    {
        get
        {
            var name = actor.DisplayName.Length > 0 && actor.DisplayName != actor.Name ? $"{actor.DisplayName}（{actor.Name}）" : actor.Name;
            return name.Length > 128 ? name[..128] : name;
        }
    }
}

public sealed record PlaceSupervisionRequest(Guid CaseId, DateOnly? Deadline, int? ReportIntervalDays, string? Requirements);

public sealed record SupervisionReportRequest(int Version, string? Text);

public sealed record LiftSupervisionRequest(int Version, string? Result);
