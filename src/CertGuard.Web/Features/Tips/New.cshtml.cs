using CertGuard.Core;
using CertGuard.Core.Tips;
using CertGuard.Data.Tips;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Tips;

/// <summary>The public tip form (no account). The receipt is shown once, on the answer to the post, never in an address.</summary>
[RequestSizeLimit(PublicTipsApi.MaxRequestBytes)]
public sealed class NewModel(TipIntake intake, IOptions<TipOptions> options) : PageModel, IShowsRefusals
{
    [BindProperty] public string? City { get; set; }
    [BindProperty] public TipKind? Kind { get; set; }
    [BindProperty] public string? Site { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public bool RealName { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public string? Receipt { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public TipOptions Limits => options.Value;

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var files = await PublicTipsApi.ReadFilesAsync(ToCollection(Files), options.Value, ct);
        Receipt = Core.Tips.Receipt.Grouped(await intake.FileAsync(new TipSubmission(City, Kind, Site, What, !RealName, Name, Phone), TipChannel.Web, files, ct));
        Response.StatusCode = StatusCodes.Status201Created;
        return Page();
    }

    public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        return Task.FromResult<IActionResult>(Page());
    }

    private static FormFileCollection ToCollection(List<IFormFile> files)
    {
        var collection = new FormFileCollection();
        collection.AddRange(files);
        return collection;
    }
}
