using System.Globalization;
using CertGuard.Core.Auditing;

namespace CertGuard.Core.Institutions;

/// <summary>
/// One published version of the self-check questionnaire. Versions are never changed: every edit by the province
/// office publishes the next version, so an answer always refers to the questions exactly as they were asked.
/// </summary>
[Audited]
public sealed class QuestionnaireVersion
{
    public const int ChangeMaxLength = 300;

    private QuestionnaireVersion()
    {
        PublishedBy = Change = "";
        Questions = [];
    }

    private QuestionnaireVersion(int version, IReadOnlyList<SelfCheckQuestion> questions, int lastKeyNumber, string by, DateTimeOffset at, string change)
    {
        Version = version;
        Questions = questions;
        LastKeyNumber = lastKeyNumber;
        PublishedBy = by;
        PublishedAt = at;
        Change = change.Length > ChangeMaxLength ? change[..ChangeMaxLength] : change;
    }

    public int Version { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; }

    /// <summary>What this version changed, in Chinese, for the history.</summary>
    public string Change { get; private set; }

    public IReadOnlyList<SelfCheckQuestion> Questions { get; private set; }

    /// <summary>The highest question number ever given (Q01 = 1), retired ones included: a key is never reused for another question.</summary>
    public int LastKeyNumber { get; private set; }

    public static QuestionnaireVersion First(DateTimeOffset at) =>
        new(1, SelfCheckDefaults.Questions, SelfCheckDefaults.Questions.Max(q => KeyNumber(q.Key)), "system", at, "初始版本（安全生产培训机构基本条件）");

    public SelfCheckQuestion? Find(string key) => Questions.FirstOrDefault(q => q.Key == key);

    public QuestionnaireVersion WithAdded(string? text, string? guidance, string by, DateTimeOffset at)
    {
        var next = Math.Max(LastKeyNumber, Questions.Max(q => KeyNumber(q.Key))) + 1;
        var question = new SelfCheckQuestion("Q" + next.ToString("00", CultureInfo.InvariantCulture), CleanText(text), CleanGuidance(guidance));
        return new(Version + 1, [.. Questions, question], next, by, at, $"新增问题 {question.Key}");
    }

    public QuestionnaireVersion WithEdited(string key, string? text, string? guidance, string by, DateTimeOffset at)
    {
        var old = Find(key) ?? throw NotFound(key);
        var changed = old with { Text = CleanText(text), Guidance = CleanGuidance(guidance) };
        if (changed == old) throw Refusal.Invalid("SELFCHECK-UNCHANGED");
        return new(Version + 1, Questions.Select(q => q.Key == key ? changed : q).ToList(), LastKeyNumber, by, at, $"修改问题 {key}");
    }

    public QuestionnaireVersion WithRetired(string key, string by, DateTimeOffset at)
    {
        if (Find(key) is null) throw NotFound(key);
        if (Questions.Count == 1) throw Refusal.Conflict("SELFCHECK-LAST-QUESTION");
        return new(Version + 1, Questions.Where(q => q.Key != key).ToList(), LastKeyNumber, by, at, $"停用问题 {key}");
    }

    private static int KeyNumber(string key) =>
        int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static DomainRuleException NotFound(string key) =>
        Refusal.NotFound("SELFCHECK-QUESTION-NOT-FOUND", ("key", key));

    private static string CleanText(string? text)
    {
        var clean = text?.Trim() ?? "";
        if (clean.Length == 0) throw Refusal.Invalid("SELFCHECK-TEXT-REQUIRED");
        if (clean.Length > SelfCheckQuestion.TextMaxLength)
            throw Refusal.Invalid("SELFCHECK-TEXT-TOO-LONG", ("max", SelfCheckQuestion.TextMaxLength));
        return clean;
    }

    private static string? CleanGuidance(string? guidance)
    {
        var clean = guidance?.Trim();
        if (string.IsNullOrEmpty(clean)) return null;
        if (clean.Length > SelfCheckQuestion.GuidanceMaxLength)
            throw Refusal.Invalid("SELFCHECK-GUIDANCE-TOO-LONG", ("max", SelfCheckQuestion.GuidanceMaxLength));
        return clean;
    }
}
