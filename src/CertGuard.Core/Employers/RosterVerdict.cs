using CertGuard.Core.Verification;

namespace CertGuard.Core.Employers;

/// <summary>The one verdict a roster row gets. The API writes it as <see cref="RosterVerdicts.Code"/>.</summary>
public enum RosterVerdict
{
    /// <summary>Holds a valid certificate for (one of) the position's items.</summary>
    Valid,
    /// <summary>Holds certificates, but none for the position's items.</summary>
    WrongItem,
    /// <summary>The certificate's review is overdue or failed: it is invalid (失效).</summary>
    ReviewOverdue,
    Expired,
    /// <summary>Revoked (撤销) or cancelled (注销).</summary>
    Revoked,
    /// <summary>No certificate under this number: a suspected fake.</summary>
    NotFound,
    /// <summary>The number is registered to someone else.</summary>
    NameMismatch,
    /// <summary>The number cannot be a resident ID number.</summary>
    BadId,
    /// <summary>The row could not be checked (missing cells, garbled, a formula, an unknown position, a repeat).</summary>
    BadRow,
    /// <summary>
    /// Not told: the employer is past its limits of misses (not-found, name-mismatch) on this number or within the
    /// hour, so the registry's answer is withheld (docs/employers.md, "Limits"). Counted, and failing, like a miss.
    /// </summary>
    Withheld,
}

/// <summary>Codes, Chinese names and what each verdict asks the employer to do.</summary>
public static class RosterVerdicts
{
    public static string Code(this RosterVerdict verdict) => verdict switch
    {
        RosterVerdict.Valid => "valid",
        RosterVerdict.WrongItem => "wrong-item",
        RosterVerdict.ReviewOverdue => "review-overdue",
        RosterVerdict.Expired => "expired",
        RosterVerdict.Revoked => "revoked",
        RosterVerdict.NotFound => "not-found",
        RosterVerdict.NameMismatch => "name-mismatch",
        RosterVerdict.BadId => "bad-id",
        RosterVerdict.Withheld => "withheld",
        _ => "bad-row",
    };

    public static string ChineseName(this RosterVerdict verdict) => verdict switch
    {
        RosterVerdict.Valid => "持证有效",
        RosterVerdict.WrongItem => "项目不符",
        RosterVerdict.ReviewOverdue => "逾期未复审/失效",
        RosterVerdict.Expired => "证书过期",
        RosterVerdict.Revoked => "已撤销/注销",
        RosterVerdict.NotFound => "查无此证",
        RosterVerdict.NameMismatch => "姓名不符",
        RosterVerdict.BadId => "证号无效",
        RosterVerdict.Withheld => "暂不核验",
        _ => "无法核验",
    };

    public static IReadOnlyList<RosterVerdict> All { get; } = Enum.GetValues<RosterVerdict>();

    /// <summary>
    /// Whether the row is a worker counted in the lawful certification rate: every checked row is; a bad row is not
    /// (nobody can say who it is) and is reported for the employer to correct and upload again.
    /// </summary>
    public static bool IsCounted(this RosterVerdict verdict) => verdict != RosterVerdict.BadRow;

    public static bool IsFailing(this RosterVerdict verdict) => verdict is not (RosterVerdict.Valid or RosterVerdict.BadRow);

    /// <summary>What the rectification of a failing worker requires.</summary>
    public static RequiredAction ActionFor(this RosterVerdict verdict) => verdict switch
    {
        RosterVerdict.WrongItem => RequiredAction.ArrangeTraining,
        RosterVerdict.ReviewOverdue or RosterVerdict.Expired or RosterVerdict.Revoked => RequiredAction.StopWork,
        _ => RequiredAction.ReportSuspectedFake,
    };

    /// <summary>The verification log's outcome for a bad ID number (other verdicts take the certificate's state).</summary>
    public const VerificationOutcome BadIdOutcome = VerificationOutcome.Malformed;
}

/// <summary>What a failing worker's rectification (整改) requires of the employer.</summary>
public enum RequiredAction
{
    /// <summary>停止作业: the certificate is invalid, expired or revoked.</summary>
    StopWork,
    /// <summary>安排培训考核: no certificate for the position's item.</summary>
    ArrangeTraining,
    /// <summary>报告疑似假证: not in the registry, someone else's number, or a number that cannot exist.</summary>
    ReportSuspectedFake,
}

public static class RequiredActions
{
    public static string Code(this RequiredAction action) => action switch
    {
        RequiredAction.StopWork => "stop-work",
        RequiredAction.ArrangeTraining => "arrange-training",
        _ => "report-suspected-fake",
    };

    public static string ChineseName(this RequiredAction action) => action switch
    {
        RequiredAction.StopWork => "停止作业",
        RequiredAction.ArrangeTraining => "安排培训考核",
        _ => "报告疑似假证",
    };

    public static string ChineseDescription(this RequiredAction action) => action switch
    {
        RequiredAction.StopWork => "立即停止其特种作业，待证书复审合格或重新考核取证后再上岗。",
        RequiredAction.ArrangeTraining => "停止其本岗位作业，安排参加本岗位准操项目的培训和考核，取证后再上岗。",
        _ => "停止其作业，核实证件来源，并向属地执法部门报告疑似假证（可一键转为执法线索）。",
    };
}
