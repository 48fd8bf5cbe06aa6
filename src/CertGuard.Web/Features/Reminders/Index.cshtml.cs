using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Reminders;

/// <summary>/registry/reminders: the reviews falling due and the overdue ones, in the account's scope.</summary>
[Authorize(Policy = RemindersApi.RemindersPolicy)]
public sealed class IndexModel(CertGuardDbContext db, TimeProvider clock, CertificateRules rules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Employer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    // "page" is reserved by Razor Pages for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ReminderPage Result { get; private set; } = new([], new Dictionary<Guid, string>(), 1, 50, 0, 0, 0);

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    /// <summary>The employers the account may filter by (none for an employer: it sees its own workers only).</summary>
    public IReadOnlyList<Organisation> Employers { get; private set; } = [];

    public string? Error { get; private set; }

    public DateOnly Today { get; private set; }

    public int Window { get; private set; }

    public bool Descending { get; private set; }

    public TimeProvider Clock => clock;

    public CertificateRules Rules => rules;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Today = ChinaTime.Today(clock);
        if (RemindersApi.TryRead(Days, Kind, Employer, Sort, rules, out var window, out var kind, out var employerId, out var creditCode, out var descending) is { } problem)
        {
            Error = problem.ProblemDetails.Title;
            (window, kind, employerId, creditCode, descending) = (rules.ReviewWindowDays, ReminderKind.All, null, null, false);
        }
        (Window, Descending) = (window, descending);
        Result = await new ReviewReminderQuery(window, kind, City, employerId, creditCode, descending, PageNumber).RunAsync(db, Today, ct);
        if (Scope.OwnOrganisationId is null)
        {
            var employers = db.Organisations.AsNoTracking().Where(o => o.Kind == Role.Employer.Id);
            if (Scope.CityCode is { } city) employers = employers.Where(o => o.RegionCode == city);
            Employers = await employers.OrderBy(o => o.Name).ToListAsync(ct);
        }
    }

    /// <summary>A link to the same list with some filters changed.</summary>
    public string Link(int? page = null, string? sort = null) =>
        Url.Page("/Reminders/Index", new { days = Days, kind = Kind, city = City, employer = Employer, sort = sort ?? Sort, p = page ?? PageNumber }) ?? "";
}
