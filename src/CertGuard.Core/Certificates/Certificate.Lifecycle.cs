using CertGuard.Core.Holders;
using CertGuard.Core.Time;

namespace CertGuard.Core.Certificates;

/// <summary>The transitions of Order No. 30; each refuses what the rules forbid, with a stable code.</summary>
public sealed partial class Certificate
{
    /// <summary>复审合格. At the end of validity a passed review also renews the certificate (延期换证).</summary>
    public void PassReview(DateOnly on, string actor, CertificateRules rules, TimeProvider clock, bool outsideWindowApproved = false, string? note = null)
    {
        EnsureReviewable(on, rules, outsideWindowApproved);
        if (NextReviewDue >= ValidTo)
        {
            StartValidity(ValidTo.AddDays(1), rules);
            Record(CertificateEventKind.ReviewPassed, on, actor, null, note, clock);
            Record(CertificateEventKind.Renewed, on, actor, null, $"有效期延至{ValidTo:yyyy-MM-dd}", clock);
            return;
        }
        NextReviewDue = ExtendedReviewInterval ? ValidTo : Min(NextReviewDue.AddYears(rules.ReviewIntervalYears), ValidTo);
        Record(CertificateEventKind.ReviewPassed, on, actor, null, note, clock);
    }

    /// <summary>复审不合格: the certificate becomes invalid (失效).</summary>
    public void FailReview(DateOnly on, IReadOnlyCollection<ReviewFailureReason> reasons, string actor, CertificateRules rules, TimeProvider clock, bool outsideWindowApproved = false, string? note = null)
    {
        if (reasons.Count == 0)
            throw new DomainRuleException("CERT-REVIEW-REASON-REQUIRED", "复审不合格必须说明原因。");
        EnsureReviewable(on, rules, outsideWindowApproved);
        SetStatus(CertificateStatus.Invalid, on, nameof(CertificateEventKind.ReviewFailed));
        Record(CertificateEventKind.ReviewFailed, on, actor, string.Join(',', reasons), note, clock);
    }

    /// <summary>
    /// 10+ years in the same operation without violations: with the authority's consent, reviews every 6 years.
    /// </summary>
    public void GrantExtendedReviewInterval(int continuousYearsInOperation, bool hasViolations, string actor, CertificateRules rules, TimeProvider clock)
    {
        EnsureLive("CERT-NOT-LIVE", "证书已不在有效状态，不能延长复审周期。");
        if (ExtendedReviewInterval)
            throw new DomainRuleException("CERT-INTERVAL-ALREADY", "该证书已延长复审周期。");
        if (ChinaTime.Today(clock) > NextReviewDue)
            throw new DomainRuleException("CERT-REVIEW-OVERDUE", $"复审期限（{NextReviewDue:yyyy-MM-dd}）已过，证书已失效，不能延长复审周期。");
        if (continuousYearsInOperation < rules.ExtendedIntervalMinimumYears)
            throw new DomainRuleException("CERT-INTERVAL-YEARS", $"连续从事本工种不满{rules.ExtendedIntervalMinimumYears}年，不能延长复审周期。");
        if (hasViolations)
            throw new DomainRuleException("CERT-INTERVAL-VIOLATIONS", "有违法行为记录，不能延长复审周期。");
        ExtendedReviewInterval = true;
        NextReviewDue = ValidTo;
        Record(CertificateEventKind.ExtendedIntervalGranted, ChinaTime.Today(clock), actor, null, $"连续从事本工种{continuousYearsInOperation}年", clock);
    }

    /// <summary>A certificate not reviewed by its due date becomes invalid; the daily job calls this.</summary>
    public bool MarkInvalidIfOverdue(DateOnly today, TimeProvider clock)
    {
        if (Status != CertificateStatus.Active || today <= NextReviewDue) return false;
        SetStatus(CertificateStatus.Invalid, NextReviewDue.AddDays(1), nameof(CertificateState.ReviewOverdue));
        Record(CertificateEventKind.MarkedInvalid, NextReviewDue.AddDays(1), "system", nameof(CertificateState.ReviewOverdue), null, clock);
        return true;
    }

    /// <summary>撤销. Fraud and false information bar a new application for the period of the rules.</summary>
    public void Revoke(RevocationReason reason, DateOnly on, string actor, CertificateRules rules, TimeProvider clock, string? note = null)
    {
        if (Status == CertificateStatus.Revoked)
            throw new DomainRuleException("CERT-ALREADY-REVOKED", "证书已被撤销。");
        if (Status == CertificateStatus.Cancelled)
            throw new DomainRuleException("CERT-ALREADY-CANCELLED", "证书已注销，不能撤销。");
        SetStatus(CertificateStatus.Revoked, on, reason.ToString());
        if (reason.BarsReapplication()) ReapplicationBarredUntil = on.AddYears(rules.ReapplicationBarYears);
        Record(CertificateEventKind.Revoked, on, actor, reason.ToString(), note, clock);
    }

    /// <summary>注销.</summary>
    public void Cancel(CancellationReason reason, DateOnly on, string actor, TimeProvider clock, string? note = null)
    {
        if (Status == CertificateStatus.Cancelled)
            throw new DomainRuleException("CERT-ALREADY-CANCELLED", "证书已注销。");
        if (reason == CancellationReason.CertificateRevoked && Status != CertificateStatus.Revoked)
            throw new DomainRuleException("CERT-NOT-REVOKED", "证书未被撤销，不能以“证书被撤销”为由注销。");
        SetStatus(CertificateStatus.Cancelled, on, reason.ToString());
        Record(CertificateEventKind.Cancelled, on, actor, reason.ToString(), note, clock);
    }

    /// <summary>补发 after loss, by the original authority; the dates do not change.</summary>
    public void Reissue(string actor, TimeProvider clock, string? note = null)
    {
        EnsureLive("CERT-NOT-LIVE", "证书已失效、撤销或注销，不能补发。");
        Record(CertificateEventKind.Reissued, ChinaTime.Today(clock), actor, "Lost", note, clock);
    }

    /// <summary>更换 after damage or a change of the holder's data (e.g. a corrected name).</summary>
    public void Replace(string? newHolderName, string actor, TimeProvider clock, string? note = null)
    {
        EnsureLive("CERT-NOT-LIVE", "证书已失效、撤销或注销，不能更换。");
        var details = note;
        if (!string.IsNullOrWhiteSpace(newHolderName) && newHolderName.Trim() != HolderName)
        {
            HolderNames.Require(newHolderName);
            details = $"姓名由“{HolderName}”更正为“{newHolderName.Trim()}”" + (note is null ? "" : $"；{note}");
            HolderName = newHolderName.Trim();
        }
        Record(CertificateEventKind.Replaced, ChinaTime.Today(clock), actor, newHolderName is null ? "Damaged" : "DataChanged", details, clock);
    }

    private void EnsureReviewable(DateOnly on, CertificateRules rules, bool outsideWindowApproved)
    {
        if (Status is CertificateStatus.Revoked or CertificateStatus.Cancelled)
            throw new DomainRuleException("CERT-REVIEW-NOT-LIVE", "证书已撤销或注销，不能复审。");
        if (Status == CertificateStatus.Invalid)
            throw new DomainRuleException("CERT-REVIEW-INVALID", "证书已失效，不能复审，须重新参加考核。");
        // Not reviewed by the due date means invalid (失效), whether or not the daily job has marked it yet.
        if (on > NextReviewDue)
            throw new DomainRuleException("CERT-REVIEW-OVERDUE", $"复审期限（{NextReviewDue:yyyy-MM-dd}）已过，证书已失效，须重新参加考核。");
        if (!outsideWindowApproved && !InReviewWindow(on, rules))
            throw new DomainRuleException("CERT-REVIEW-WINDOW",
                $"复审应在{NextReviewDue.AddDays(-rules.ReviewWindowDays):yyyy-MM-dd}至{NextReviewDue:yyyy-MM-dd}之间申请；窗口外复审须经发证机关同意。");
    }

    private void EnsureLive(string code, string message)
    {
        if (Status != CertificateStatus.Active) throw new DomainRuleException(code, message);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
