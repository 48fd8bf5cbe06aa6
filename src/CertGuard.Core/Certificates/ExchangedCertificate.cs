using CertGuard.Core.Catalogue;
using CertGuard.Core.Holders;
using CertGuard.Core.Regions;

namespace CertGuard.Core.Certificates;

/// <summary>
/// A certificate as the registry of the province that issued it states it, received through the national exchange.
/// <see cref="AuthorityCode"/> is the issuing authority's 6-digit division code (GB/T 2260), outside Guangdong;
/// <see cref="Version"/> is the certificate's version in that registry, which only ever grows.
/// </summary>
public sealed record ExchangedCertificate(
    ResidentIdNumber Holder,
    string HolderName,
    string ItemCode,
    DateOnly FirstIssuedOn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateOnly NextReviewDue,
    bool ExtendedReviewInterval,
    string AuthorityCode,
    CertificateStatus Status,
    string? StatusReason,
    DateOnly? StatusChangedOn,
    DateOnly? ReapplicationBarredUntil,
    int Version)
{
    public const int MaxNameLength = 64;
    public const int MaxReasonLength = 64;

    /// <summary>The first two digits of a division code of this province: its own certificates are issued here, never received.</summary>
    public static string LocalProvincePrefix => RegionDirectory.Guangdong.Province.Code[..2];

    /// <summary>What can be checked of another registry's record; throws <see cref="DomainRuleException"/> with a stable code.</summary>
    /// <param name="today">The date (UTC+8) no issue or status change may be after.</param>
    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(HolderName))
            throw Refusal.Invalid("CERT-NAME-REQUIRED");
        if (HolderName.Trim().Length > MaxNameLength)
            throw Refusal.Invalid("EXCHANGE-NAME-LENGTH", ("max", MaxNameLength));
        HolderNames.Require(HolderName);
        if (OperationCatalogue.Current.FindItem(ItemCode) is null)
            throw Refusal.Invalid("CERT-ITEM-UNKNOWN", ("item", ItemCode));
        CheckAuthority(AuthorityCode);
        if (Version < 1)
            throw Refusal.Invalid("EXCHANGE-VERSION-INVALID");
        if (StatusReason is { Length: > MaxReasonLength })
            throw Refusal.Invalid("EXCHANGE-REASON-LENGTH", ("max", MaxReasonLength));
        CheckDates(today);
    }

    /// <summary>An issuing authority of another mainland province: 6 digits, a known province, not this one.</summary>
    public static void CheckAuthority(string? code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit) || !ProvinceCodes.IsValid(code[..2]) || string.CompareOrdinal(code[..2], "70") > 0)
            throw Refusal.Invalid("EXCHANGE-AUTHORITY-INVALID", ("code", code));
        if (code.StartsWith(LocalProvincePrefix, StringComparison.Ordinal))
            throw Refusal.Invalid("EXCHANGE-AUTHORITY-LOCAL");
    }

    private void CheckDates(DateOnly today)
    {
        if (FirstIssuedOn > today)
            throw Dates("firstIssuedOn ≤ today");
        if (FirstIssuedOn <= Holder.BirthDate)
            throw Dates("firstIssuedOn > birth date");
        if (ValidFrom < FirstIssuedOn)
            throw Dates("validFrom ≥ firstIssuedOn");
        if (ValidTo <= ValidFrom)
            throw Dates("validTo > validFrom");
        if (NextReviewDue < ValidFrom || NextReviewDue > ValidTo)
            throw Dates("validFrom ≤ nextReviewDue ≤ validTo");
        if (StatusChangedOn is { } changed && (changed < FirstIssuedOn || changed > today))
            throw Dates("firstIssuedOn ≤ statusChangedOn ≤ today");
    }

    // The rule is written with the fields' JSON names, the same in both languages.
    private static DomainRuleException Dates(string rule) => Refusal.Invalid("EXCHANGE-DATES", ("rule", rule));
}

/// <summary>What an exchange push did to the registry.</summary>
public enum ExchangeOutcome
{
    Created,
    Updated,
    Unchanged,
}
