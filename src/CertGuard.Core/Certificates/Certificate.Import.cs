using CertGuard.Core.Catalogue;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;

namespace CertGuard.Core.Certificates;

/// <summary>
/// Certificates an authority already issued and kept elsewhere (its old system, a spreadsheet), brought into the
/// registry as they stand: their own dates and status, not a new issue. The importer validates every field with a
/// message per cell first; the guards here only keep a certificate the rules could not have produced out of the registry.
/// </summary>
public sealed partial class Certificate
{
    public static Certificate Import(RecordedCertificate record, string actor, string? details, CertificateRules rules, TimeProvider clock)
    {
        var item = OperationCatalogue.Current.FindItem(record.ItemCode)
            ?? throw Refusal.Invalid("CERT-ITEM-UNKNOWN", ("item", record.ItemCode));
        if (string.IsNullOrWhiteSpace(record.HolderName))
            throw Refusal.Invalid("CERT-NAME-REQUIRED");
        HolderNames.Require(record.HolderName);
        if (record.FirstIssuedOn > record.ValidFrom || record.ValidTo <= record.ValidFrom
            || record.NextReviewDue <= record.ValidFrom || record.NextReviewDue > record.ValidTo)
            throw Refusal.Invalid("CERT-IMPORT-DATES");
        if (record.Status != CertificateStatus.Active && record.StatusChangedOn is null)
            throw Refusal.Invalid("CERT-IMPORT-STATUS-DATE");

        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(),
            Number = record.Holder.Value,
            HolderName = record.HolderName.Trim(),
            HolderSex = record.Holder.Sex,
            CategoryCode = item.CategoryCode,
            ItemCode = item.Code,
            FirstIssuedOn = record.FirstIssuedOn,
            ValidFrom = record.ValidFrom,
            ValidTo = record.ValidTo,
            NextReviewDue = record.NextReviewDue,
            RegionCode = record.RegionCode,
            IssuingAuthorityId = record.IssuingAuthorityId,
            Status = record.Status,
            StatusChangedOn = record.Status == CertificateStatus.Active ? null : record.StatusChangedOn,
            StatusReason = record.Status == CertificateStatus.Active ? null : record.StatusReason,
        };
        if (record.Status == CertificateStatus.Revoked
            && Enum.TryParse<RevocationReason>(record.StatusReason, out var revocation) && revocation.BarsReapplication())
            certificate.ReapplicationBarredUntil = record.StatusChangedOn!.Value.AddYears(rules.ReapplicationBarYears);
        certificate.Record(CertificateEventKind.Imported, ChinaTime.Today(clock), actor, record.EventReason, details, clock);
        // A bulk load writes the row as it stands (COPY), without the save that works this out for every other change.
        certificate.IndexState(ChinaTime.Today(clock), rules);
        return certificate;
    }

    /// <summary>
    /// True when this certificate already says what <paramref name="other"/> says, so that importing the same row again
    /// changes nothing. The state is compared as of <paramref name="today"/>: a certificate whose review date passed is
    /// overdue whether or not the daily job has marked it invalid yet.
    /// </summary>
    public bool SameRecordAs(Certificate other, DateOnly today) =>
        Number == other.Number
        && ItemCode == other.ItemCode
        && CategoryCode == other.CategoryCode
        && HolderName == other.HolderName
        && FirstIssuedOn == other.FirstIssuedOn
        && ValidFrom == other.ValidFrom
        && ValidTo == other.ValidTo
        && NextReviewDue == other.NextReviewDue
        && RegionCode == other.RegionCode
        && StateOn(today) == other.StateOn(today)
        && (Status != other.Status || Status == CertificateStatus.Active
            || (StatusChangedOn == other.StatusChangedOn && (other.StatusReason is null || StatusReason == other.StatusReason)));
}

/// <summary>A certificate as an authority's file records it, checked field by field before it is imported.</summary>
/// <param name="StatusReason">The machine-readable reason of a non-active status (an enum name), or null when the file gives none.</param>
/// <param name="EventReason">What the history's import step keeps as its reason, e.g. the grounds of a failed review.</param>
public sealed record RecordedCertificate(
    ResidentIdNumber Holder,
    string HolderName,
    string ItemCode,
    DateOnly FirstIssuedOn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateOnly NextReviewDue,
    string RegionCode,
    Guid IssuingAuthorityId,
    CertificateStatus Status,
    DateOnly? StatusChangedOn,
    string? StatusReason,
    string? EventReason = null);
