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
            // 换证: a new card with the new dates; the old one stops verifying.
            ReleaseStatusEntry();
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
            throw Refusal.Invalid("CERT-REVIEW-REASON-REQUIRED");
        EnsureReviewable(on, rules, outsideWindowApproved);
        SetStatus(CertificateStatus.Invalid, on, nameof(CertificateEventKind.ReviewFailed));
        Record(CertificateEventKind.ReviewFailed, on, actor, string.Join(',', reasons), note, clock);
    }

    /// <summary>
    /// 10+ years in the same operation without violations: with the authority's consent, reviews every 6 years.
    /// </summary>
    public void GrantExtendedReviewInterval(int continuousYearsInOperation, bool hasViolations, string actor, CertificateRules rules, TimeProvider clock)
    {
        EnsureLive();
        if (ExtendedReviewInterval)
            throw Refusal.Conflict("CERT-INTERVAL-ALREADY");
        if (ChinaTime.Today(clock) > NextReviewDue)
            throw Refusal.Invalid("CERT-REVIEW-OVERDUE", ("due", NextReviewDue));
        if (continuousYearsInOperation < rules.ExtendedIntervalMinimumYears)
            throw Refusal.Invalid("CERT-INTERVAL-YEARS", ("years", rules.ExtendedIntervalMinimumYears));
        if (hasViolations)
            throw Refusal.Invalid("CERT-INTERVAL-VIOLATIONS");
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
            throw Refusal.Conflict("CERT-ALREADY-REVOKED");
        if (Status == CertificateStatus.Cancelled)
            throw Refusal.Conflict("CERT-ALREADY-CANCELLED");
        SetStatus(CertificateStatus.Revoked, on, reason.ToString());
        if (reason.BarsReapplication()) ReapplicationBarredUntil = on.AddYears(rules.ReapplicationBarYears);
        Record(CertificateEventKind.Revoked, on, actor, reason.ToString(), note, clock);
    }

    /// <summary>注销.</summary>
    public void Cancel(CancellationReason reason, DateOnly on, string actor, TimeProvider clock, string? note = null)
    {
        if (Status == CertificateStatus.Cancelled)
            throw Refusal.Conflict("CERT-ALREADY-CANCELLED");
        if (reason == CancellationReason.CertificateRevoked && Status != CertificateStatus.Revoked)
            throw Refusal.Invalid("CERT-NOT-REVOKED");
        SetStatus(CertificateStatus.Cancelled, on, reason.ToString());
        Record(CertificateEventKind.Cancelled, on, actor, reason.ToString(), note, clock);
    }

    /// <summary>补发 after loss, by the original authority; the dates do not change.</summary>
    public void Reissue(string actor, TimeProvider clock, string? note = null)
    {
        EnsureLive();
        // The lost card must stop verifying: whoever finds it could pass for the holder.
        ReleaseStatusEntry();
        Record(CertificateEventKind.Reissued, ChinaTime.Today(clock), actor, "Lost", note, clock);
    }

    /// <summary>更换 after damage or a change of the holder's data (e.g. a corrected name).</summary>
    public void Replace(string? newHolderName, string actor, TimeProvider clock, string? note = null)
    {
        EnsureLive();
        ReleaseStatusEntry();
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
            throw Refusal.Invalid("CERT-REVIEW-NOT-LIVE");
        if (Status == CertificateStatus.Invalid)
            throw Refusal.Invalid("CERT-REVIEW-INVALID");
        // Not reviewed by the due date means invalid (失效), whether or not the daily job has marked it yet.
        if (on > NextReviewDue)
            throw Refusal.Invalid("CERT-REVIEW-OVERDUE", ("due", NextReviewDue));
        if (!outsideWindowApproved && !InReviewWindow(on, rules))
            throw Refusal.Invalid("CERT-REVIEW-WINDOW", ("from", NextReviewDue.AddDays(-rules.ReviewWindowDays)), ("to", NextReviewDue));
    }

    private void EnsureLive()
    {
        if (Status != CertificateStatus.Active) throw Refusal.Invalid("CERT-NOT-LIVE");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
