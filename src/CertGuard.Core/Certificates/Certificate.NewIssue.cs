using CertGuard.Core.Catalogue;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;

namespace CertGuard.Core.Certificates;

/// <summary>
/// A new certificate for a holder whose earlier one for the same item has ended. The registry keys a certificate by
/// (number, item), so the new one continues the same record: its history keeps the old life before the new issue.
/// </summary>
public sealed partial class Certificate
{
    /// <summary>
    /// In force on <paramref name="day"/>: active, not past its review and not past its validity. A certificate not
    /// reviewed by its due date is invalid whether or not the daily job has marked it yet.
    /// </summary>
    public bool IsLiveOn(DateOnly day) => Status == CertificateStatus.Active && day <= NextReviewDue && day <= ValidTo;

    /// <summary>The first day the certificate was no longer in force, or null while it is live today.</summary>
    public DateOnly? EndedOn(DateOnly today) => Status switch
    {
        CertificateStatus.Active when IsLiveOn(today) => null,
        CertificateStatus.Active => Min(NextReviewDue, ValidTo).AddDays(1),
        _ => StatusChangedOn ?? today,
    };

    /// <summary>
    /// 考核合格发证 again, after the earlier certificate of the same holder and item expired, became invalid, was revoked
    /// or was cancelled. The holder's data, authority, employer, dates and status start afresh.
    /// </summary>
    public void IssueAgain(IssueRequest request, CertificateRules rules, TimeProvider clock, OperationCatalogue? catalogue = null)
    {
        var item = CheckIssue(request, rules, clock, catalogue);
        if (request.Holder.Value != Number || item.Code != ItemCode)
            throw new ArgumentException("The request is for another holder or item.", nameof(request));
        var today = ChinaTime.Today(clock);
        if (EndedOn(today) is not { } ended)
            throw LiveCertificateExists();
        if (ReapplicationBarredUntil is { } until && request.IssuedOn <= until)
            throw IssueEligibility.Barred(until);
        if (request.IssuedOn < ended)
            throw Refusal.Invalid("CERT-ISSUE-BEFORE-END", ("ended", ended));

        var previousName = HolderName;
        HolderName = request.HolderName.Trim();
        HolderSex = request.Holder.Sex;
        CategoryCode = item.CategoryCode;
        FirstIssuedOn = request.IssuedOn;
        RegionCode = request.RegionCode;
        IssuingAuthorityId = request.IssuingAuthorityId;
        EmployerId = request.EmployerId;
        ExtendedReviewInterval = false;
        ReapplicationBarredUntil = null;
        // Issued here, it is this province's certificate now, whatever registry sent the ended one.
        ExchangeVersion = null;
        Status = CertificateStatus.Active;
        StatusChangedOn = null;
        StatusReason = null;
        // The ended card keeps its bit set on its old place: a revoked card must not verify again offline.
        ReleaseStatusEntry();
        StartValidity(request.IssuedOn, rules);
        var renamed = HolderNames.Same(previousName, HolderName) ? "" : $"；持证人姓名由“{previousName}”变更为“{HolderName}”（发证机关确认更名）";
        Record(CertificateEventKind.Issued, request.IssuedOn, request.Actor, null, $"原证已于{ended:yyyy-MM-dd}终止，重新考核合格发证{renamed}", clock);
    }

    /// <summary>
    /// 延期换证: the review due at the end of validity, passed, starts a new validity. Refused while the next review
    /// is an ordinary one inside the validity (that is a 复审, not a renewal).
    /// </summary>
    public void Renew(DateOnly on, string actor, CertificateRules rules, TimeProvider clock, bool outsideWindowApproved = false, string? note = null)
    {
        if (Status == CertificateStatus.Active && NextReviewDue < ValidTo)
            throw Refusal.Invalid("CERT-RENEWAL-NOT-DUE", ("validTo", ValidTo), ("due", NextReviewDue));
        PassReview(on, actor, rules, clock, outsideWindowApproved, note);
    }

    internal DomainRuleException LiveCertificateExists() => Refusal.Conflict("CERT-LIVE-EXISTS",
        ("city", Regions.RegionDirectory.Guangdong.NameOf(RegionCode)), ("validTo", ValidTo));
}
