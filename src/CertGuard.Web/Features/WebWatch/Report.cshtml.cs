using CertGuard.Core;
using CertGuard.Core.Regions;
using CertGuard.Core.WebWatch;
using CertGuard.Data.WebWatch;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CertGuard.Web.Features.WebWatch;

/// <summary>/webwatch/report: anyone reports a fake query site; it lands as a suspect of the chosen city. Rate-limited like the public query.</summary>
[EnableRateLimiting(WebWatchModule.PublicRateLimit)]
public sealed class ReportModel(WebWatchDesk desk) : PageModel, IShowsRefusals
{
    public bool Received { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<Region> Cities { get; } = RegionDirectory.Guangdong.Cities;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? url, string? city, string? description, CancellationToken ct)
    {
        var region = city is not null && RegionDirectory.Guangdong.IsCity(city) ? city : "440100";
        await desk.AddAsync(new NewSuspect(url, SuspectKind.Website, SuspectSources.PublicReport, null, description, null, null, region, 60), ct);
        Received = true;
        return Page();
    }

    public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        return Task.FromResult<IActionResult>(Page());
    }
}
