using CertGuard.Core.Certificates;
using CertGuard.Core.Verification;

namespace CertGuard.Core.Institutions;

/// <summary>What the registry says about an applicant's certificate at review (复审).</summary>
public enum ReviewVerdict
{
    /// <summary>Valid and inside the review window: the review may go ahead.</summary>
    Eligible,
    /// <summary>Valid, but the review window has not opened yet.</summary>
    NotYetDue,
    /// <summary>逾期未复审: invalid (失效), it cannot be reviewed.</summary>
    Overdue,
    ReviewFailed,
    Expired,
    Revoked,
    Cancelled,
    /// <summary>The holder has certificates, but none for the item applied for.</summary>
    WrongItem,
    /// <summary>The number is registered to someone else.</summary>
    NameMismatch,
    /// <summary>No certificate under this number (or the number cannot exist): blocked and reported.</summary>
    NotInRegistry,
}

/// <summary>The verdict, why (in Chinese), what the log records and the certificate it rests on (null when none may be shown).</summary>
public sealed record ReviewJudgement(ReviewVerdict Verdict, string Reason, VerificationOutcome Outcome, Certificate? Certificate)
{
    public bool Eligible => Verdict == ReviewVerdict.Eligible;

    /// <summary>The review must stop and the city office hears of it (through the verification log's signal).</summary>
    public bool Blocked => Verdict == ReviewVerdict.NotInRegistry;

    /// <summary>The headline an institution's officer reads first.</summary>
    public string Title => Verdict switch
    {
        ReviewVerdict.Eligible => "可以办理复审",
        ReviewVerdict.NotYetDue => "尚未到复审期",
        ReviewVerdict.Overdue => "逾期未复审，证书已失效",
        ReviewVerdict.ReviewFailed => "复审不合格，证书已失效",
        ReviewVerdict.Expired => "证书已过期",
        ReviewVerdict.Revoked => "证书已撤销",
        ReviewVerdict.Cancelled => "证书已注销",
        ReviewVerdict.WrongItem => "没有该准操项目的证书",
        ReviewVerdict.NameMismatch => "姓名与证号不符",
        _ => "登记库中没有该证书：已拦截并报告",
    };

    public string Code => Verdict switch
    {
        ReviewVerdict.Eligible => "eligible",
        ReviewVerdict.NotYetDue => "not-yet-due",
        ReviewVerdict.Overdue => "overdue",
        ReviewVerdict.ReviewFailed => "review-failed",
        ReviewVerdict.Expired => "expired",
        ReviewVerdict.Revoked => "revoked",
        ReviewVerdict.Cancelled => "cancelled",
        ReviewVerdict.WrongItem => "wrong-item",
        ReviewVerdict.NameMismatch => "name-mismatch",
        _ => "not-in-registry",
    };
}
