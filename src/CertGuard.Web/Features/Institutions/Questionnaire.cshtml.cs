using CertGuard.Core;
using CertGuard.Core.Institutions;
using CertGuard.Data.Institutions;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Institutions;

/// <summary>
/// /institutions/questionnaire: the self-check questions and their versions. Everyone who works with institutions
/// reads them; only the province office edits, and each edit publishes a new version.
/// </summary>
[Authorize(Policy = InstitutionAccess.ReaderPolicy)]
public sealed class QuestionnaireModel(SelfCheckBook book) : PageModel, IShowsRefusals
{
    /// <summary>An older version to show instead of the current one.</summary>
    [BindProperty(SupportsGet = true, Name = "v")]
    public int? Shown { get; set; }

    public QuestionnaireVersion Current { get; private set; } = null!;

    public QuestionnaireVersion Displayed { get; private set; } = null!;

    public IReadOnlyList<QuestionnaireVersion> Versions { get; private set; } = [];

    public bool MayEdit { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(int version, string? text, string? guidance, CancellationToken ct) =>
        EditAsync(() => book.AddAsync(version, text, guidance, ct), ct);

    public Task<IActionResult> OnPostEditAsync(int version, string key, string? text, string? guidance, CancellationToken ct) =>
        EditAsync(() => book.EditAsync(version, key, text, guidance, ct), ct);

    public Task<IActionResult> OnPostRetireAsync(int version, string key, CancellationToken ct) =>
        EditAsync(() => book.RetireAsync(version, key, ct), ct);

    private async Task<IActionResult> EditAsync(Func<Task<QuestionnaireVersion>> publish, CancellationToken ct)
    {
        // The page is read by offices and institutions; the server refuses their edits, not only the missing buttons.
        if (!InstitutionAccess.IsEditor(User)) return Forbid();
        var published = await publish();
        Message = published.Change;
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        Shown = null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        MayEdit = InstitutionAccess.IsEditor(User);
        // Newest first, the first version written if there was none: the head is the current one, read once.
        Versions = await book.VersionsAsync(ct);
        Current = Versions[0];
        var shown = Shown is { } v ? Versions.FirstOrDefault(x => x.Version == v) : Current;
        if (shown is null) return false;
        Displayed = shown;
        return true;
    }
}
