using CertGuard.Core.Institutions;

namespace CertGuard.Core.Tests.Institutions;

/// <summary>The questionnaire's versions and the answers to one version.</summary>
public sealed class QuestionnaireTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Institution = Guid.Parse("0190b0b0-0000-7000-8000-0000000000c1");

    private static readonly QuestionnaireVersion First = QuestionnaireVersion.First(At);

    [Fact]
    public void The_first_version_asks_the_basic_conditions_with_unique_keys()
    {
        Assert.Equal(1, First.Version);
        Assert.Equal(SelfCheckDefaults.Questions.Count, First.Questions.Count);
        Assert.Equal(First.Questions.Count, First.Questions.Select(q => q.Key).Distinct().Count());
        Assert.Contains(First.Questions, q => q.Text.Contains("复审", StringComparison.Ordinal) && q.Text.Contains("真伪", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_edit_is_a_new_version_and_leaves_the_old_one_as_it_was()
    {
        var added = First.WithAdded("  是否公示收费标准？ ", null, "gd.province", At);
        var edited = added.WithEdited("Q02", "是否建立并执行培训管理制度？", "查看制度文本。", "gd.province", At);
        var retired = edited.WithRetired("Q05", "gd.province", At);

        Assert.Equal([2, 3, 4], new[] { added.Version, edited.Version, retired.Version });
        var newQuestion = added.Questions[^1];
        Assert.Equal("Q12", newQuestion.Key);
        Assert.Equal("是否公示收费标准？", newQuestion.Text);
        Assert.Equal("新增问题 Q12", added.Change);
        Assert.Equal("是否建立并执行培训管理制度？", edited.Find("Q02")!.Text);
        Assert.Equal(SelfCheckDefaults.Questions[1].Text, added.Find("Q02")!.Text);
        Assert.Null(retired.Find("Q05"));
        Assert.NotNull(edited.Find("Q05"));
        Assert.Equal(SelfCheckDefaults.Questions.Count, First.Questions.Count);
    }

    [Fact]
    public void A_retired_key_is_not_reused()
    {
        var retired = First.WithRetired("Q11", "gd.province", At).WithAdded("新问题", null, "gd.province", At).WithRetired("Q12", "gd.province", At);
        var added = retired.WithAdded("又一个新问题", null, "gd.province", At);

        Assert.Equal("Q13", added.Questions[^1].Key);
        Assert.DoesNotContain(added.Questions, q => q.Key is "Q11" or "Q12");
    }

    [Theory]
    [InlineData("", "SELFCHECK-TEXT-REQUIRED")]
    [InlineData("   ", "SELFCHECK-TEXT-REQUIRED")]
    public void A_question_needs_text(string text, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainRuleException>(() => First.WithAdded(text, null, "gd.province", At)).Code);
    }

    [Fact]
    public void Edits_that_change_nothing_or_name_no_question_or_leave_none_are_refused()
    {
        var q1 = First.Find("Q01")!;
        Assert.Equal("SELFCHECK-UNCHANGED", Assert.Throws<DomainRuleException>(() => First.WithEdited("Q01", q1.Text, q1.Guidance, "x", At)).Code);
        Assert.Equal("SELFCHECK-QUESTION-NOT-FOUND", Assert.Throws<DomainRuleException>(() => First.WithRetired("Q99", "x", At)).Code);
        Assert.Equal("SELFCHECK-TEXT-TOO-LONG",
            Assert.Throws<DomainRuleException>(() => First.WithAdded(new string('问', SelfCheckQuestion.TextMaxLength + 1), null, "x", At)).Code);

        var one = First;
        foreach (var key in First.Questions.Skip(1).Select(q => q.Key)) one = one.WithRetired(key, "x", At);
        Assert.Equal("SELFCHECK-LAST-QUESTION", Assert.Throws<DomainRuleException>(() => one.WithRetired("Q01", "x", At)).Code);
    }

    [Fact]
    public void A_submission_counts_the_conditions_not_met_and_keeps_the_questions_as_asked()
    {
        var answers = AllMet(First);
        answers["Q03"] = (false, "专职教师不足一半，2026年12月底前新聘2名专职教师。");
        answers["Q07"] = (false, "实操学时不足，下期起按大纲排课。");
        answers["Q01"] = (true, "  ");

        var submission = SelfCheckSubmission.Answer(First, answers, Institution, "training-institution", "440100", "gz.training", At);

        Assert.False(submission.ConditionsMet);
        Assert.Equal(2, submission.FailedCount);
        Assert.Equal(["Q03", "Q07"], submission.Failed.Select(a => a.Key));
        Assert.Equal(1, submission.QuestionnaireVersion);
        Assert.Equal(First.Find("Q03")!.Text, submission.Answers.Single(a => a.Key == "Q03").Text);
        Assert.Null(submission.Answers.Single(a => a.Key == "Q01").Note);
        Assert.Equal("440100", submission.RegionCode);
    }

    [Fact]
    public void All_conditions_met_is_a_passing_self_check()
    {
        var submission = SelfCheckSubmission.Answer(First, AllMet(First), Institution, "exam-centre", "440100", "gz.exam", At);

        Assert.True(submission.ConditionsMet);
        Assert.Equal(0, submission.FailedCount);
        Assert.Equal(First.Questions.Count, submission.Answers.Count);
    }

    [Fact]
    public void A_condition_not_met_needs_its_rectification()
    {
        var answers = AllMet(First);
        answers["Q06"] = (false, " ");

        var refused = Assert.Throws<DomainRuleException>(() =>
            SelfCheckSubmission.Answer(First, answers, Institution, "training-institution", "440100", "gz.training", At));

        Assert.Equal("SELFCHECK-RECTIFICATION-REQUIRED", refused.Code);
        Assert.Contains("Q06", refused.Message);
    }

    [Fact]
    public void Every_question_of_the_version_and_no_other_must_be_answered()
    {
        var missing = AllMet(First);
        missing.Remove("Q04");
        Assert.Equal("SELFCHECK-UNANSWERED", Assert.Throws<DomainRuleException>(() =>
            SelfCheckSubmission.Answer(First, missing, Institution, "training-institution", "440100", "x", At)).Code);

        var extra = AllMet(First);
        extra["Q42"] = (true, null);
        Assert.Equal("SELFCHECK-UNKNOWN-QUESTION", Assert.Throws<DomainRuleException>(() =>
            SelfCheckSubmission.Answer(First, extra, Institution, "training-institution", "440100", "x", At)).Code);

        var tooLong = AllMet(First);
        tooLong["Q01"] = (true, new string('说', SelfCheckAnswer.NoteMaxLength + 1));
        Assert.Equal("SELFCHECK-NOTE-TOO-LONG", Assert.Throws<DomainRuleException>(() =>
            SelfCheckSubmission.Answer(First, tooLong, Institution, "training-institution", "440100", "x", At)).Code);
    }

    private static Dictionary<string, (bool Met, string? Note)> AllMet(QuestionnaireVersion version) =>
        version.Questions.ToDictionary(q => q.Key, _ => (true, (string?)null));
}
