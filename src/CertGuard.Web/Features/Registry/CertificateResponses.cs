using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;

namespace CertGuard.Web.Features.Registry;

/// <summary>A registry row as the API returns it. The number is masked: it is the holder's ID number.</summary>
public sealed record CertificateSummary(
    Guid Id,
    string MaskedNumber,
    string HolderName,
    string Sex,
    string CategoryCode,
    string CategoryName,
    string ItemCode,
    string ItemName,
    DateOnly FirstIssuedOn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateOnly NextReviewDue,
    string State,
    string StateName,
    string RegionCode,
    string RegionName)
{
    public static CertificateSummary From(Certificate c, CertificateState state, CertificateLabels labels) => new(
        c.Id, c.MaskedNumber, c.HolderName, c.HolderSex == Core.Holders.Sex.Male ? "男" : "女",
        c.CategoryCode, CertificateLabels.Category(c.CategoryCode), c.ItemCode, CertificateLabels.Item(c.ItemCode),
        c.FirstIssuedOn, c.ValidFrom, c.ValidTo, c.NextReviewDue, state.ToString(), labels.State(state),
        c.RegionCode, CertificateLabels.City(c.RegionCode));
}

public sealed record CertificateDetail(
    CertificateSummary Certificate,
    string? Number,
    string IssuingAuthority,
    bool ExtendedReviewInterval,
    DateOnly? StatusChangedOn,
    string? StatusReason,
    DateOnly? ReapplicationBarredUntil,
    int Version,
    IReadOnlyList<CertificateHistoryEntry> History);

public sealed record CertificateHistoryEntry(string Kind, string KindName, DateOnly EffectiveOn, DateTimeOffset RecordedAt, string Actor, string? Reason, string? Details);

/// <param name="Total">Matching certificates, counted up to 10,000; <paramref name="TotalIsLowerBound"/> when more match.</param>
/// <param name="Next">Pass as <c>after</c> for the next page; null on the last one.</param>
/// <param name="Previous">Pass as <c>before</c> for the previous page; null on the first one.</param>
public sealed record RegistryPageResponse(IReadOnlyList<CertificateSummary> Items, int PageSize, int Total, bool TotalIsLowerBound, string? Next, string? Previous);

internal static class CertificateDetails
{
    public static CertificateDetail From(Certificate c, CertificateState state, Organisation? authority, bool withFullNumber, CertificateLabels labels) => new(
        CertificateSummary.From(c, state, labels),
        withFullNumber ? c.Number : null,
        authority?.Name ?? "",
        c.ExtendedReviewInterval,
        c.StatusChangedOn,
        labels.Reason(c.StatusReason),
        c.ReapplicationBarredUntil,
        c.Version,
        c.Chronicle
            .Select(e => new CertificateHistoryEntry(e.Kind.ToString(), labels.Event(e.Kind), e.EffectiveOn, e.OccurredAt, e.Actor, labels.Reason(e.Reason), e.Details))
            .ToList());
}
