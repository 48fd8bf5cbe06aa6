using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>/leads: the city's lead inbox, open leads first and the oldest first; filters by status, source and text.</summary>
[Authorize(Policy = LeadDesk.ReadPolicy)]
public sealed class IndexModel(LeadDesk desk) : PageModel, IShowsRefusals
{
    /// <summary><c>active</c> (default), <c>all</c>, or a <see cref="LeadStatus"/> name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>One city, for the province office's view of every city.</summary>
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public IReadOnlyList<LeadCitySummary> Summary { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public LeadPage Result { get; private set; } = new([], 1, 0);

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Result = await desk.ListAsync(LeadsApi.Filter(Status, Source, Q, City), PageNumber, ct);
        Summary = await desk.SummaryAsync(ct);
    }

    public string Link(int page) => Url.Page("/Enforcement/Leads/Index", new { status = Status, source = Source, q = Q, city = City, p = page }) ?? "";

    public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        Scope = User.ToScope();
        (Status, Source, Q, City) = (null, null, null, null);
        return Task.FromResult<IActionResult>(Page());
    }
}
