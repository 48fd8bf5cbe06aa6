using CertGuard.Core;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Data;
using CertGuard.Data.Employers;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// /roster: the employer's self-check. Upload a roster and read the verdict of every row; the rate overall, per
/// position and over time; recheck after fixing; the workers whose reviews fall due soon.
/// </summary>
[Authorize(Policy = EmployerAccess.SelfPolicy)]
[RequestSizeLimit(RosterUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RosterUploads.MaxRequestBytes)]
public sealed class RosterModel(CertGuardDbContext db, RosterChecker checker, RosterReminders reminders, CertificateRules rules) : PageModel, IShowsRefusals
{
    /// <summary>The verdict table shows this many rows; the API answers every row.</summary>
    public const int ShownRows = 2000;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The check shown: the one just made, else the current one.</summary>
    public RosterCheckResponse? Check { get; private set; }

    public IReadOnlyList<RosterCheckListItem> History { get; private set; } = [];

    public IReadOnlyList<WorkerReminder> Reminders { get; private set; } = [];

    public int PositionCount { get; private set; }

    public int ReminderDays => rules.ReviewWindowDays;

    public string? Error { get; private set; }

    public string? ErrorCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await db.Set<RosterCheck>().AsNoTracking().CurrentOf(Own).FirstOrDefaultAsync(ct);
        if (current is not null) Check = await RosterApi.WithRowsAsync(db, current, ct);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (result, refusal) = await RosterUploads.CheckAsync(HttpContext, checker, Own, Upload, ct);
        if (refusal is { } r)
        {
            (ErrorCode, Error) = (r.Code, r.Message);
            Response.StatusCode = r.Status;
        }
        else
        {
            Check = RosterCheckResponse.From(result!);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecheckAsync(CancellationToken ct)
    {
        Check = RosterCheckResponse.From(await checker.RecheckAsync(Own, ct));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        await LoadAsync(ct);
        return Page();
    }

    private Guid Own => EmployerAccess.OwnEmployer(User)!.Value;

    private async Task LoadAsync(CancellationToken ct)
    {
        var checks = await db.Set<RosterCheck>().AsNoTracking().Where(c => c.OrganisationId == Own).OrderByDescending(c => c.At).Take(24).ToListAsync(ct);
        History = checks.Select(RosterCheckListItem.From).ToList();
        PositionCount = await db.Set<Position>().CountAsync(p => p.OrganisationId == Own, ct);
        Reminders = await reminders.ForAsync(Own, ReminderDays, ct);
    }
}
