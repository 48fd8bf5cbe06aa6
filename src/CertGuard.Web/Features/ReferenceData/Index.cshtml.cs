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
public sealed class IndexModel(ReferenceDataProvider provider, ReferenceDataBook book, TimeProvider clock) : PageModel, Infrastructure.IShowsRefusals
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
            throw Core.Refusal.Invalid("REFDATA-FILE-REQUIRED");
        if (file.Length > ReferenceDataBook.MaxDocumentBytes)
            throw Core.Refusal.TooLarge("REFDATA-TOO-LARGE", ("max", ReferenceDataBook.MaxDocumentBytes / 1024));
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        Preview = await book.PreviewAsync(json, ct);
        Document = json;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? document, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(document)) throw Core.Refusal.Invalid("REFDATA-FILE-REQUIRED");
        var loaded = await book.ConfirmAsync(document, ct);
        Message = string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0}|{1:yyyy-MM-dd}", loaded.Version.Key, loaded.Version.EffectiveFrom);
        return RedirectToPage();
    }

    /// <summary>A refused file: the list again with the refusal above the form (status set by the page filter).</summary>
    public async Task<IActionResult> ShowRefusalAsync(Core.DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
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
