using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.WebWatch;
using CertGuard.Data.WebWatch;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.WebWatch;

/// <summary>/webwatch: the suspects of the region (what changed first), the look-alike generator, the month's measures.</summary>
[Authorize(Policy = WebWatchModule.ReadPolicy)]
public sealed class IndexModel(WebWatchDesk desk, WebWatchMeasures measures, TimeProvider clock) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)]
    public SuspectState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Domain { get; set; }

    /// <summary>Narrows the look-alikes shown to the names containing this text (e.g. "gov-cn"); the count stays the whole set's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Contains { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SuspectRow> Items { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<Lookalike> Lookalikes { get; private set; } = [];

    public int LookalikeCount { get; private set; }

    public IReadOnlyList<Measures> Month { get; private set; } = [];

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public bool MayAct => WebWatchDesk.MayAct(Scope);

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? url, SuspectKind kind, string? platform, string? note, CancellationToken ct)
    {
        var added = await desk.AddAsync(new NewSuspect(url, kind, kind == SuspectKind.Listing ? SuspectSources.Listing : SuspectSources.Manual, platform, note, null, null, null), ct);
        Message = added.Existing ? "WebWatch.AlreadyKnown" : "WebWatch.Added";
        return RedirectToPage("/WebWatch/Suspect", new { id = added.Suspect.Id });
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        (Items, Total) = await desk.ListAsync(State, null, null, PageNumber, ct);
        if (!string.IsNullOrWhiteSpace(Domain))
        {
            var all = LookalikeGenerator.Generate(Domain);
            LookalikeCount = all.Count;
            var part = Contains?.Trim();
            var shown = string.IsNullOrEmpty(part) ? all
                : all.Where(c => c.Domain.Contains(part, StringComparison.OrdinalIgnoreCase) || c.Unicode.Contains(part, StringComparison.OrdinalIgnoreCase));
            Lookalikes = shown.Take(60).ToList();
        }
        var today = Core.Time.ChinaTime.Today(clock);
        var first = new DateOnly(today.Year, today.Month, 1);
        Month = await measures.ForAsync(Core.Time.ChinaTime.StartOfDay(first), Core.Time.ChinaTime.StartOfDay(today.AddDays(1)), ct);
    }
}
