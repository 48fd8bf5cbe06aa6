using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Campaigns;

/// <summary>The campaigns (newest first) with the phase each is in; the province office sets a new one up here.</summary>
[Authorize(Policy = CampaignAccess.OfficePolicy)]
public sealed class IndexModel(CampaignDesk desk, IActor actor, TimeProvider clock) : PageModel, IShowsRefusals
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public bool IsProvince => actor.Role == Role.ProvinceOffice;
    public DateOnly Today => Core.Time.ChinaTime.Today(clock);

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateOnly StartsOn { get; set; }
    [BindProperty] public DateOnly EndsOn { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Campaigns = await desk.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsProvince) return Forbid();
        var created = await desk.CreateAsync(Name ?? "", DocumentNumber ?? "", StartsOn, EndsOn, null, ct);
        return Redirect($"/campaigns/{created.Id}");
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        Campaigns = await desk.ListAsync(ct);
        return Page();
    }
}
