namespace CertGuard.Core.Institutions;

/// <summary>
/// One basic condition of a training institution (安全生产培训机构基本条件), asked as a yes/no question.
/// <see cref="Key"/> stays the same across versions while the question lives, so answers to it can be compared.
/// </summary>
public sealed record SelfCheckQuestion(string Key, string Text, string? Guidance)
{
    public const int TextMaxLength = 200;
    public const int GuidanceMaxLength = 400;
}

/// <summary>
/// An institution's answer to one question, with the question's text as it was asked. <see cref="Note"/> is a remark
/// when the condition is met, and the rectification (整改措施) it commits to when it is not.
/// </summary>
public sealed record SelfCheckAnswer(string Key, string Text, bool Met, string? Note)
{
    public const int NoteMaxLength = 500;
}
