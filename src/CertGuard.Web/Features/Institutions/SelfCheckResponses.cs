using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Institutions;
using CertGuard.Data.Institutions;
using CertGuard.Web.Features.Registry;

namespace CertGuard.Web.Features.Institutions;

public sealed record QuestionView(string Key, string Text, string? Guidance);

/// <summary>One version of the questionnaire, as published.</summary>
public sealed record QuestionnaireView(int Version, DateTimeOffset PublishedAt, string PublishedBy, string Change, IReadOnlyList<QuestionView> Questions)
{
    public static QuestionnaireView From(QuestionnaireVersion q) =>
        new(q.Version, q.PublishedAt, q.PublishedBy, q.Change, q.Questions.Select(x => new QuestionView(x.Key, x.Text, x.Guidance)).ToList());
}

/// <summary>An answer as submitted; <c>note</c> is the rectification when the condition is not met.</summary>
public sealed record AnswerView(string Key, string Text, bool Met, string? Note);

/// <summary>One submitted self-check, with every answer and the question text it answered.</summary>
public sealed record SelfCheckView(
    Guid Id, Guid InstitutionId, int QuestionnaireVersion, DateTimeOffset SubmittedAt, string SubmittedBy, bool ConditionsMet, int FailedCount,
    IReadOnlyList<AnswerView> Answers)
{
    public static SelfCheckView From(SelfCheckSubmission s) => new(
        s.Id, s.OrganisationId, s.QuestionnaireVersion, s.SubmittedAt, s.SubmittedBy, s.ConditionsMet, s.FailedCount,
        s.Answers.Select(a => new AnswerView(a.Key, a.Text, a.Met, a.Note)).ToList());
}

/// <summary>The latest self-check in short; <c>outdated</c> when it answered an older version than the current one.</summary>
public sealed record SelfCheckSummary(
    Guid Id, int QuestionnaireVersion, bool Outdated, DateTimeOffset SubmittedAt, string SubmittedBy, bool ConditionsMet, int FailedCount, int QuestionCount);

/// <summary>An institution and where its self-check stands, for the city and province offices.</summary>
public sealed record InstitutionResultView(
    Guid Id, string Name, string Kind, string KindName, string RegionCode, string RegionName, string? CreditCode, SelfCheckSummary? Latest)
{
    public static InstitutionResultView From(SelfCheckResult r, int currentVersion)
    {
        var o = r.Institution;
        var latest = r.Latest is { } s
            ? new SelfCheckSummary(s.Id, s.QuestionnaireVersion, s.QuestionnaireVersion < currentVersion, s.SubmittedAt, s.SubmittedBy,
                s.ConditionsMet, s.FailedCount, s.Answers.Count)
            : null;
        return new(o.Id, o.Name, o.Kind, Role.Find(o.Kind)?.Name ?? o.Kind, o.RegionCode, CertificateLabels.City(o.RegionCode), o.CreditCode, latest);
    }
}

/// <summary>The results of the offices' view, with how many answered and how many meet every condition.</summary>
public sealed record InstitutionResultsView(
    string? City, int CurrentVersion, int Institutions, int Submitted, int AllConditionsMet, IReadOnlyList<InstitutionResultView> Items);

public sealed record AnswerRequest(string? Key, bool? Met, string? Note);

public sealed record SelfCheckRequest(int? Version, IReadOnlyList<AnswerRequest>? Answers)
{
    /// <summary>The answers by question key; every answer needs a key and a yes or no, once per question.</summary>
    public Dictionary<string, (bool Met, string? Note)> Collect()
    {
        var answers = new Dictionary<string, (bool Met, string? Note)>(StringComparer.Ordinal);
        foreach (var a in Answers ?? [])
        {
            var key = a.Key?.Trim() ?? "";
            if (key.Length == 0) throw Refusal.Invalid("SELFCHECK-KEY-REQUIRED");
            if (a.Met is not { } met) throw Refusal.Invalid("SELFCHECK-UNANSWERED", ("keys", key));
            if (!answers.TryAdd(key, (met, a.Note))) throw Refusal.Invalid("SELFCHECK-DUPLICATE", ("key", key));
        }
        return answers;
    }
}

/// <summary>An edit of the questionnaire: <c>version</c> is the one the editor saw.</summary>
public sealed record QuestionRequest(int? Version, string? Text, string? Guidance);
