using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Verification;

namespace CertGuard.Core.Employers;

/// <summary>The verdict on one worker, why (in Chinese), the certificate it rests on and the log's outcome.</summary>
public sealed record RosterJudgement(RosterVerdict Verdict, string Reason, VerificationOutcome Outcome, Certificate? Certificate);

/// <summary>
/// Judges one roster row against the registry's certificates under the worker's number: the name must be the holder's;
/// then, of the certificates for the position's items (any item when the row names no position), the one closest to
/// valid decides. A valid certificate of another item is <see cref="RosterVerdict.WrongItem"/>, not a pass; when the
/// worker holds no valid certificate at all, its state (revoked, expired, review overdue) decides before the item.
/// </summary>
public static class RosterJudge
{
    private static readonly CertificateState[] Preference =
    [
        CertificateState.Valid, CertificateState.ReviewDue, CertificateState.ReviewOverdue, CertificateState.ReviewFailed,
        CertificateState.Expired, CertificateState.Cancelled, CertificateState.Revoked,
    ];

    /// <param name="items">The position's accepted items; null when the row names no position (any item counts).</param>
    /// <param name="certificates">Every registry certificate whose number is the worker's, in any state.</param>
    public static RosterJudgement Judge(
        string name, IReadOnlyCollection<string>? items, IReadOnlyList<Certificate> certificates, DateOnly today, CertificateRules rules)
    {
        if (certificates.Count == 0)
            return new(RosterVerdict.NotFound, "登记库中没有该证号的证书，疑似假证：请向持证人核实证件来源。", VerificationOutcome.NotFound, null);
        var own = certificates.Where(c => HolderNames.Same(c.HolderName, name)).ToList();
        if (own.Count == 0)
            return new(RosterVerdict.NameMismatch, $"该证号登记的持证人不是“{name}”，疑似冒用他人证件。",
                VerificationOutcome.NameMismatch, certificates[0]);
        var relevant = items is null ? own : own.Where(c => items.Contains(c.ItemCode, StringComparer.Ordinal)).ToList();
        if (relevant.Count == 0)
        {
            // A worker whose certificates are all invalid (revoked, expired, review overdue) is told that first: the
            // certificate cannot be relied on for any work, so "stop work" comes before "train for this item".
            var (bestOwn, bestState) = Best(own, today, rules);
            if (!IsValid(bestState)) return Verdict(bestOwn, bestState);
            var held = string.Join("、", own.Select(c => OperationCatalogue.Current.ItemName(c.ItemCode)).Distinct().Take(3));
            var wanted = string.Join("或", items!.Select(OperationCatalogue.Current.ItemName).Take(3));
            return new(RosterVerdict.WrongItem, $"持有的是{held}证书，不是本岗位要求的{wanted}。", VerificationOutcome.WrongItem, own[0]);
        }
        var (certificate, state) = Best(relevant, today, rules);
        return Verdict(certificate, state);
    }

    /// <summary>The certificate closest to valid, the latest-running first among equals.</summary>
    private static (Certificate Certificate, CertificateState State) Best(IEnumerable<Certificate> certificates, DateOnly today, CertificateRules rules) =>
        certificates
            .Select(c => (Certificate: c, State: c.StateOn(today, rules)))
            .OrderBy(p => Array.IndexOf(Preference, p.State))
            .ThenByDescending(p => p.Certificate.ValidTo)
            .First();

    private static bool IsValid(CertificateState state) => state is CertificateState.Valid or CertificateState.ReviewDue;

    /// <summary>
    /// The verdict when the employer is past its limits: the answer is withheld, whatever it was; the log keeps the
    /// true outcome and certificate (<paramref name="judged"/>) for the signals.
    /// </summary>
    public static RosterJudgement Withheld(RosterJudgement judged) => new(RosterVerdict.Withheld,
        "本单位核验结果为“查无此证”或“姓名不符”的次数已超出限额，本行暂不给出结论：请核对姓名和证号后稍后重新核验；确属疑似假证的，请向属地执法部门报告。",
        judged.Outcome, null);

    private static RosterJudgement Verdict(Certificate c, CertificateState state)
    {
        var item = OperationCatalogue.Current.ItemName(c.ItemCode);
        return state switch
        {
            CertificateState.Valid => new(RosterVerdict.Valid, $"持有有效的{item}证书，有效期至{Date(c.ValidTo)}。", VerificationOutcome.Valid, c),
            CertificateState.ReviewDue => new(RosterVerdict.Valid,
                $"持有有效的{item}证书，应于{Date(c.NextReviewDue)}前复审，请及时安排。", VerificationOutcome.ReviewDue, c),
            CertificateState.ReviewOverdue => new(RosterVerdict.ReviewOverdue,
                $"{item}证书逾期未复审（应于{Date(c.NextReviewDue)}前复审），证书已失效。", VerificationOutcome.ReviewOverdue, c),
            CertificateState.ReviewFailed => new(RosterVerdict.ReviewOverdue, $"{item}证书复审不合格，证书已失效。", VerificationOutcome.ReviewFailed, c),
            CertificateState.Expired => new(RosterVerdict.Expired, $"{item}证书已于{Date(c.ValidTo)}过期。", VerificationOutcome.Expired, c),
            CertificateState.Cancelled => new(RosterVerdict.Revoked, $"{item}证书已被注销。", VerificationOutcome.Cancelled, c),
            _ => new(RosterVerdict.Revoked, $"{item}证书已被发证机关撤销。", VerificationOutcome.Revoked, c),
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
