using System.Globalization;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;

namespace CertGuard.Core.Institutions;

/// <summary>
/// Judges an applicant's certificate at review: it must be in the registry, be the applicant's, be for the item
/// applied for, and be valid inside its review window (Order No. 30: apply within the 60 days before the review falls
/// due; an overdue or failed certificate is invalid and cannot be reviewed).
/// </summary>
public static class ReviewJudge
{
    public const string BlockedReason =
        "登记库中没有该证书，不得为其办理复审。持证人所持证件疑似伪造，本次核验已自动报告所在市安委办。";

    /// <param name="number">The number as the card prints it, normalised (<see cref="CardForensics.Bare"/>).</param>
    /// <param name="certificates">Every registry certificate under that number, in any state.</param>
    public static ReviewJudgement Judge(
        string number, string name, string itemCode, IReadOnlyList<Certificate> certificates, DateOnly today, CertificateRules rules)
    {
        // The registry decides: an impossible number cannot be in it, and a registered one is never blocked for its form.
        if (certificates.Count == 0)
        {
            return ResidentIdNumber.TryParse(number, today, out _, out var error)
                ? new(ReviewVerdict.NotInRegistry, BlockedReason, VerificationOutcome.NotFound, null)
                : new(ReviewVerdict.NotInRegistry, $"证号不可能是真实证号（{error.Message}）。{BlockedReason}", VerificationOutcome.Malformed, null);
        }
        var own = certificates.Where(c => HolderNames.Same(c.HolderName, name)).ToList();
        if (own.Count == 0)
            return new(ReviewVerdict.NameMismatch,
                $"该证号登记的持证人不是“{name}”，不得办理复审：请核对申请人身份证件，疑似冒用他人证件。", VerificationOutcome.NameMismatch, null);
        var forItem = own.Where(c => c.ItemCode == itemCode).OrderByDescending(c => c.ValidTo).FirstOrDefault();
        if (forItem is null)
        {
            var held = string.Join("、", own.Select(c => OperationCatalogue.Current.ItemName(c.ItemCode)).Distinct());
            return new(ReviewVerdict.WrongItem,
                $"申请人持有的是{held}证书，没有{OperationCatalogue.Current.ItemName(itemCode)}证书，不能按该项目复审。", VerificationOutcome.WrongItem, null);
        }
        return Verdict(forItem, today, rules);
    }

    private static ReviewJudgement Verdict(Certificate c, DateOnly today, CertificateRules rules)
    {
        var item = OperationCatalogue.Current.ItemName(c.ItemCode);
        var state = c.StateOn(today, rules);
        if (state == CertificateState.ReviewDue)
            return new(ReviewVerdict.Eligible, $"{item}证书有效，处于复审期内（应于{Date(c.NextReviewDue)}前复审），可以办理复审。", VerificationOutcome.ReviewDue, c);
        if (state == CertificateState.Valid)
        {
            var opens = c.NextReviewDue.AddDays(-rules.ReviewWindowDays);
            return new(ReviewVerdict.NotYetDue,
                $"{item}证书有效，但尚未到复审期：应于{Date(c.NextReviewDue)}前复审，可自{Date(opens)}起申请。", VerificationOutcome.Valid, c);
        }
        return state switch
        {
            CertificateState.ReviewOverdue => new(ReviewVerdict.Overdue,
                $"{item}证书逾期未复审（应于{Date(c.NextReviewDue)}前复审），证书已失效，不能办理复审：持证人须重新参加培训并考核合格后取证。",
                VerificationOutcome.ReviewOverdue, c),
            CertificateState.ReviewFailed => new(ReviewVerdict.ReviewFailed,
                $"{item}证书复审不合格，证书已失效，不能再办理复审：持证人须重新参加培训并考核合格后取证。", VerificationOutcome.ReviewFailed, c),
            CertificateState.Expired => new(ReviewVerdict.Expired,
                $"{item}证书已于{Date(c.ValidTo)}过期，不能办理复审：请持证人向发证机关申请延期换证或重新取证。", VerificationOutcome.Expired, c),
            CertificateState.Cancelled => new(ReviewVerdict.Cancelled, $"{item}证书已被注销，不能办理复审。", VerificationOutcome.Cancelled, c),
            CertificateState.Revoked => new(ReviewVerdict.Revoked, $"{item}证书已被发证机关撤销，不能办理复审。", VerificationOutcome.Revoked, c),
            _ => throw new InvalidOperationException($"Unexpected state {state} on a date."),
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
