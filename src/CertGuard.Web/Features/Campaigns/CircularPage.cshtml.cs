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

/// <summary>A circular on A4 (print) with its .docx; the province office edits the draft and publishes it here.</summary>
[Authorize(Policy = CampaignAccess.OfficePolicy)]
public sealed class CircularPageModel(CircularDesk desk, IActor actor) : PageModel, IShowsRefusals
{
    public Circular Circular { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public bool IsProvince => actor.Role == Role.ProvinceOffice;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public bool OnPublicPage { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Circular = await desk.GetAsync(Id, ct);

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        if (!IsProvince) return Forbid();
        await desk.EditAsync(Id, Title ?? "", Number ?? "", Body ?? "", Version, ct);
        return Redirect($"/campaigns/circulars/{Id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!IsProvince) return Forbid();
        await desk.PublishAsync(Id, OnPublicPage, Version, ct);
        return Redirect($"/campaigns/circulars/{Id}");
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        // Without the circular (or a draft the viewer may not see) there is no page to show the alert on: a plain 404.
        if (refusal.Code == "CIRCULAR-NOT-FOUND") return NotFound();
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        Circular = await desk.GetAsync(Id, ct);
        return Page();
    }
}
