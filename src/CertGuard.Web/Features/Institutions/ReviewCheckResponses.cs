using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;
using CertGuard.Data.Institutions;
using CertGuard.Web.Features.Registry;

namespace CertGuard.Web.Features.Institutions;

/// <summary>The applicant's certificate as the institution sees it: the ID number masked, the rest in full.</summary>
public sealed record ReviewCertificateView(
    string MaskedNumber, string HolderName, string CategoryCode, string CategoryName, string ItemCode, string ItemName,
    DateOnly FirstIssuedOn, DateOnly ValidFrom, DateOnly ValidTo, DateOnly NextReviewDue, string State, string StateName,
    string RegionCode, string RegionName)
{
    public static ReviewCertificateView From(Certificate c, CertificateState state, CertificateLabels labels) => new(
        c.MaskedNumber, c.HolderName, c.CategoryCode, CertificateLabels.Category(c.CategoryCode), c.ItemCode, CertificateLabels.Item(c.ItemCode),
        c.FirstIssuedOn, c.ValidFrom, c.ValidTo, c.NextReviewDue, state.ToString(), labels.State(state), c.RegionCode, CertificateLabels.City(c.RegionCode));
}

public sealed record CardFindingView(string Code, string Explanation);

/// <summary>The answer to one review check.</summary>
public sealed record ReviewCheckResponse(
    string Verdict, bool Eligible, bool Blocked, bool Reported, string Title, string Reason, string MaskedNumber,
    ReviewCertificateView? Certificate, IReadOnlyList<CardFindingView> CardFindings, IReadOnlyList<string> Discrepancies, DateTimeOffset CheckedAt)
{
    public static ReviewCheckResponse From(ReviewCheckResult result, string numberTyped, TimeProvider clock, CertificateRules rules, CertificateLabels labels)
    {
        var j = result.Judgement;
        return new(j.Code, j.Eligible, j.Blocked, j.Blocked, j.Title, j.Reason, ResidentIdNumber.Mask(CardForensics.Bare(numberTyped)),
            j.Certificate is { } c ? ReviewCertificateView.From(c, c.StateAt(clock, rules), labels) : null,
            result.Findings.Select(f => new CardFindingView(f.Code, f.Explanation)).ToList(), result.Discrepancies, result.CheckedAt);
    }
}

/// <summary>One of the institution's past review checks, as the verification log keeps it.</summary>
public sealed record ReviewCheckLogItem(
    Guid Id, DateTimeOffset At, string MaskedNumber, string? ItemCode, string? ItemName, string Outcome, string OutcomeName, bool Blocked, string? AccountName)
{
    public static ReviewCheckLogItem From(VerificationRecord r) => new(
        r.Id, r.At, ResidentIdNumber.Mask(CardForensics.Bare(r.NumberAsked)), r.ItemCode, r.ItemCode is null ? null : CertificateLabels.Item(r.ItemCode),
        r.Outcome.ToString(), Describe(r.Outcome), r.Outcome is VerificationOutcome.NotFound or VerificationOutcome.Malformed, r.AccountName);

    /// <summary>What each logged outcome meant at review.</summary>
    public static string Describe(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.ReviewDue => "可以复审",
        VerificationOutcome.Valid => "有效，未到复审期",
        VerificationOutcome.ReviewOverdue => "逾期未复审（失效）",
        VerificationOutcome.ReviewFailed => "复审不合格（失效）",
        VerificationOutcome.Expired => "已过期",
        VerificationOutcome.Revoked => "已撤销",
        VerificationOutcome.Cancelled => "已注销",
        VerificationOutcome.WrongItem => "准操项目不符",
        VerificationOutcome.NameMismatch => "姓名与证号不符",
        VerificationOutcome.Malformed => "证号不可能存在（已拦截）",
        VerificationOutcome.NotFound => "登记库中无此证书（已拦截）",
        _ => outcome.ToString(),
    };
}
