using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Institutions;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Employers;
using CertGuard.Data.Registry.Import;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Employers;
using CertGuard.Web.Features.Institutions;
using CertGuard.Web.Features.Registry.Import;
using CertGuard.Web.Features.Reminders;
using CertGuard.Web.Features.Verification.Signals;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Workbench;

// The to-dos of the modules that were here before the workbench. Each counts within the viewer's scope (the query
// filters of the request's context) and links to the page where the work is done.

/// <summary>Reviews falling due within the review window, and overdue ones (issuing authorities, offices, employers).</summary>
public sealed class ReviewWorkItems(CertGuardDbContext db, TimeProvider clock, CertificateRules rules) : IWorkbenchItems
{
    public string? Policy => RemindersApi.RemindersPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var page = await new ReviewReminderQuery(rules.ReviewWindowDays, ReminderKind.All, null, null, null, false, 1, 1)
            .RunAsync(db, ChinaTime.Today(clock), ct);
        return
        [
            new("reviews-due", "Workbench.ReviewsDue", page.DueCount, "/registry/reminders?kind=due"),
            new("reviews-overdue", "Workbench.ReviewsOverdue", page.OverdueCount, "/registry/reminders?kind=overdue", Urgent: true),
        ];
    }
}

/// <summary>The viewer's own imports that failed in the last week.</summary>
public sealed class ImportWorkItems(CertGuardDbContext db, TimeProvider clock, IActor actor) : IWorkbenchItems
{
    public string? Policy => ImportAccess.Policy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-7);
        var failed = await db.Set<ImportJob>().AsNoTracking()
            .CountAsync(j => j.SubmittedBy == actor.Name && j.State == ImportJobState.Failed && j.CreatedAt >= since, ct);
        return [new("imports-failed", "Workbench.ImportsFailed", failed, "/registry/import", Urgent: true)];
    }
}

/// <summary>Signals waiting for review at the city office (the province sees every city's).</summary>
public sealed class SignalWorkItems(CertGuardDbContext db) : IWorkbenchItems
{
    public string? Policy => SignalDesk.Policy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct) =>
        [new("signals-open", "Workbench.SignalsOpen", await db.Signals.AsNoTracking().CountAsync(s => s.State == SignalState.Open, ct), "/signals")];
}

/// <summary>Registrations to approve, rectifications to confirm and rectifications overdue, for the offices.</summary>
public sealed class EmployerOfficeWorkItems(CertGuardDbContext db, TimeProvider clock) : IWorkbenchItems
{
    public string? Policy => EmployerAccess.OfficePolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var items = new List<WorkbenchItem>();
        // Only the city office approves (the province office sees registrations but does not decide them).
        if (scope.Role == Role.CityOffice)
        {
            var pending = await EmployerAccess.Overseen(db, scope).AsNoTracking().CountAsync(o => o.Approval == OrganisationApproval.Pending, ct);
            items.Add(new("registrations-pending", "Workbench.RegistrationsPending", pending, "/employers#pending"));
        }
        var open = await db.Set<RectificationItem>().AsNoTracking().StillOpen().Select(i => new { i.Status, i.Deadline }).ToListAsync(ct);
        items.Add(new("rectifications-reported", "Workbench.RectificationsToConfirm", open.Count(i => i.Status == RectificationStatus.Reported), "/employers"));
        items.Add(new("rectifications-overdue", "Workbench.RectificationsOverdue",
            open.Count(i => i.Status is RectificationStatus.Open or RectificationStatus.Returned && i.Deadline < today), "/employers", Urgent: true));
        return items;
    }
}

/// <summary>An employer's own rectifications (open, returned, overdue) and whether it has a roster at all.</summary>
public sealed class EmployerSelfWorkItems(CertGuardDbContext db, TimeProvider clock) : IWorkbenchItems
{
    public string? Policy => EmployerAccess.SelfPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var own = scope.OrganisationId ?? Guid.Empty;
        var open = await db.Set<RectificationItem>().AsNoTracking().StillOpen().Where(i => i.OrganisationId == own)
            .Select(i => new { i.Status, i.Deadline }).ToListAsync(ct);
        var hasRoster = await db.Set<RosterCheck>().AsNoTracking().CurrentOf(own).AnyAsync(ct);
        return
        [
            new("roster-missing", "Workbench.RosterMissing", hasRoster ? 0 : 1, "/roster"),
            new("rectifications-open", "Workbench.RectificationsOpen",
                open.Count(i => i.Status is RectificationStatus.Open or RectificationStatus.Returned), "/rectifications"),
            new("rectifications-overdue", "Workbench.RectificationsOverdue",
                open.Count(i => i.Status is RectificationStatus.Open or RectificationStatus.Returned && i.Deadline < today), "/rectifications", Urgent: true),
        ];
    }
}

/// <summary>A training or exam institution that has not answered the current questionnaire.</summary>
public sealed class InstitutionSelfWorkItems(CertGuardDbContext db) : IWorkbenchItems
{
    public string? Policy => InstitutionAccess.SelfPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var own = scope.OrganisationId ?? Guid.Empty;
        var current = await db.Set<QuestionnaireVersion>().AsNoTracking().MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var answered = await db.Set<SelfCheckSubmission>().AsNoTracking()
            .AnyAsync(s => s.OrganisationId == own && s.QuestionnaireVersion == current, ct);
        return [new("questionnaire", "Workbench.Questionnaire", answered ? 0 : 1, "/institutions/self-check")];
    }
}

/// <summary>What the audit log recorded in the last 24 hours, for the auditor and the province office.</summary>
public sealed class AuditWorkItems(CertGuardDbContext db, TimeProvider clock) : IWorkbenchItems
{
    public string? Policy => AccountServices.AuditPolicy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var fullIds = await db.AuditEntries.AsNoTracking().CountAsync(e => e.At >= since && e.Action == "view-full-id", ct);
        return [new("full-id-views", "Workbench.FullIdViews", fullIds, "/audit?action=view-full-id")];
    }
}
