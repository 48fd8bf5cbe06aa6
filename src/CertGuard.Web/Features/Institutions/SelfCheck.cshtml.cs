using CertGuard.Core;
using CertGuard.Core.Institutions;
using CertGuard.Data.Institutions;
using Microsoft.AspNetCore.Authorization;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Institutions;

/// <summary>
/// /institutions/self-check: a training or exam institution answers the current questionnaire (符合 / 不符合 and a
/// note, the rectification when not met) and sees what it submitted before.
/// </summary>
[Authorize(Policy = InstitutionAccess.SelfPolicy)]
public sealed class SelfCheckModel(SelfCheckBook book) : PageModel, IShowsRefusals
{
    public const string MetField = "met.";
    public const string NoteField = "note.";

    public QuestionnaireVersion Questionnaire { get; private set; } = null!;

    public IReadOnlyList<SelfCheckSubmission> History { get; private set; } = [];

    /// <summary>What was posted, kept when the answers are refused so nothing typed is lost.</summary>
    public Dictionary<string, bool> Met { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Notes { get; } = new(StringComparer.Ordinal);

    [TempData]
    public bool Submitted { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // Start from the last answers to questions that are still asked: a resubmission changes what changed.
        if (History.Count > 0)
        {
            var last = History[0];
            foreach (var a in last.Answers.Where(a => Questionnaire.Find(a.Key) is not null))
            {
                Met[a.Key] = a.Met;
                if (a.Note is not null) Notes[a.Key] = a.Note;
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(int version, CancellationToken ct)
    {
        var answers = new List<AnswerRequest>();
        foreach (var (name, value) in Request.Form.Where(f => f.Key.StartsWith(MetField, StringComparison.Ordinal)))
        {
            var key = name[MetField.Length..];
            bool? met = value.ToString() switch { "yes" => true, "no" => false, _ => null };
            var note = Request.Form[NoteField + key].ToString();
            answers.Add(new AnswerRequest(key, met, note));
            if (met is { } m) Met[key] = m;
            if (note.Length > 0) Notes[key] = note;
        }
        await book.SubmitAsync(InstitutionAccess.Own(User), version, new SelfCheckRequest(version, answers).Collect(), ct);
        Submitted = true;
        return RedirectToPage();
    }

    /// <summary>The answers as given, the refusal above them.</summary>
    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Questionnaire = await book.CurrentAsync(ct);
        History = await book.HistoryAsync(InstitutionAccess.Own(User), ct);
    }
}
