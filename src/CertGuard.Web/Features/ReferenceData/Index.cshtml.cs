using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;
using CertGuard.Data.ReferenceData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.ReferenceData;

/// <summary>
/// /reference-data: the versions of the dated rules, and the province office's loading of a new one: upload a file,
/// see what it changes against the version in force, confirm.
/// </summary>
[Authorize(Policy = ReferenceDataModule.EditorPolicy)]
public sealed class IndexModel(ReferenceDataProvider provider, ReferenceDataBook book, TimeProvider clock) : PageModel
{
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public ReferenceDataVersion InForce { get; private set; } = null!;

    public ReferenceDataPreview? Preview { get; private set; }

    /// <summary>The uploaded document, carried to the confirmation unchanged (it is checked again there).</summary>
    public string? Document { get; private set; }

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return await RefusedAsync(Core.Refusal.Invalid("REFDATA-FILE-REQUIRED"), ct);
        if (file.Length > ReferenceDataBook.MaxDocumentBytes)
            return await RefusedAsync(Core.Refusal.TooLarge("REFDATA-TOO-LARGE", ("max", ReferenceDataBook.MaxDocumentBytes / 1024)), ct);
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        var (preview, refusal) = await book.AttemptAsync(json, confirm: false, ct);
        if (refusal is not null) return await RefusedAsync(refusal, ct);
        Preview = preview;
        Document = json;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? document, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(document)) return await RefusedAsync(Core.Refusal.Invalid("REFDATA-FILE-REQUIRED"), ct);
        var (loaded, refusal) = await book.AttemptAsync(document, confirm: true, ct);
        if (refusal is not null) return await RefusedAsync(refusal, ct);
        Message = string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0}|{1:yyyy-MM-dd}", loaded!.Version.Key, loaded.Version.EffectiveFrom);
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(Core.DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        Response.StatusCode = refusal.Kind switch
        {
            Core.RefusalKind.Conflict => StatusCodes.Status409Conflict,
            Core.RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var set = provider.Current;
        InForce = set.InForce(today);
        Versions = VersionSummary.List(set, await book.RecordsAsync(ct), today);
    }
}
