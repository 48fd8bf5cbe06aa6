using CertGuard.Core.Auditing;

namespace CertGuard.Core.Institutions;

/// <summary>
/// An institution's answers to one questionnaire version. Resubmitting adds a new submission (history is kept);
/// the latest one is the institution's result. The conditions are met when every question is answered yes; a
/// condition not met must say how it will be put right (整改措施), as the notice asks institutions to 自查自纠.
/// </summary>
[Audited]
public sealed class SelfCheckSubmission
{
    private SelfCheckSubmission()
    {
        InstitutionKind = RegionCode = SubmittedBy = "";
        Answers = [];
    }

    private SelfCheckSubmission(Guid organisationId, string kind, string regionCode, int version, IReadOnlyList<SelfCheckAnswer> answers, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        OrganisationId = organisationId;
        InstitutionKind = kind;
        RegionCode = regionCode;
        QuestionnaireVersion = version;
        Answers = answers;
        SubmittedBy = by;
        SubmittedAt = at;
        FailedCount = answers.Count(a => !a.Met);
        ConditionsMet = FailedCount == 0;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The institution's role id (training institution or exam centre).</summary>
    public string InstitutionKind { get; private set; }

    /// <summary>The institution's city, for the city office's view.</summary>
    public string RegionCode { get; private set; }

    public int QuestionnaireVersion { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string SubmittedBy { get; private set; }

    public bool ConditionsMet { get; private set; }

    public int FailedCount { get; private set; }

    public IReadOnlyList<SelfCheckAnswer> Answers { get; private set; }

    public IEnumerable<SelfCheckAnswer> Failed => Answers.Where(a => !a.Met);

    /// <summary>Answers the given version: every question exactly once, nothing else.</summary>
    /// <param name="answers">Question key → (met, note).</param>
    public static SelfCheckSubmission Answer(
        QuestionnaireVersion questionnaire, IReadOnlyDictionary<string, (bool Met, string? Note)> answers,
        Guid organisationId, string kind, string regionCode, string by, DateTimeOffset at)
    {
        var unknown = answers.Keys.Where(k => questionnaire.Find(k) is null).ToList();
        if (unknown.Count > 0)
            throw Refusal.Invalid("SELFCHECK-UNKNOWN-QUESTION", ("version", questionnaire.Version), ("keys", unknown.Take(5).ToList()));
        var missing = questionnaire.Questions.Where(q => !answers.ContainsKey(q.Key)).Select(q => q.Key).ToList();
        if (missing.Count > 0)
            throw Refusal.Invalid("SELFCHECK-UNANSWERED", ("keys", missing));
        var list = questionnaire.Questions.Select(q =>
        {
            var (met, note) = answers[q.Key];
            var clean = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (clean is { Length: > SelfCheckAnswer.NoteMaxLength })
                throw Refusal.Invalid("SELFCHECK-NOTE-TOO-LONG", ("key", q.Key), ("max", SelfCheckAnswer.NoteMaxLength));
            if (!met && clean is null)
                throw Refusal.Invalid("SELFCHECK-RECTIFICATION-REQUIRED", ("key", q.Key));
            return new SelfCheckAnswer(q.Key, q.Text, met, clean);
        }).ToList();
        return new SelfCheckSubmission(organisationId, kind, regionCode, questionnaire.Version, list, by, at);
    }
}
