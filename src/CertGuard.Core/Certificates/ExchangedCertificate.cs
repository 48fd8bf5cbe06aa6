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
            throw new DomainRuleException("CERT-NAME-REQUIRED", "请填写持证人姓名。");
        if (HolderName.Trim().Length > MaxNameLength)
            throw new DomainRuleException("EXCHANGE-NAME-LENGTH", $"持证人姓名不能超过{MaxNameLength}个字符。");
        HolderNames.Require(HolderName);
        if (OperationCatalogue.Current.FindItem(ItemCode) is null)
            throw new DomainRuleException("CERT-ITEM-UNKNOWN", $"准操项目“{ItemCode}”不在特种作业目录中。");
        CheckAuthority(AuthorityCode);
        if (Version < 1)
            throw new DomainRuleException("EXCHANGE-VERSION-INVALID", "版本号必须是不小于1的整数。");
        if (StatusReason is { Length: > MaxReasonLength })
            throw new DomainRuleException("EXCHANGE-REASON-LENGTH", $"状态原因不能超过{MaxReasonLength}个字符。");
        CheckDates(today);
    }

    /// <summary>An issuing authority of another mainland province: 6 digits, a known province, not this one.</summary>
    public static void CheckAuthority(string? code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit) || !ProvinceCodes.IsValid(code[..2]) || string.CompareOrdinal(code[..2], "70") > 0)
            throw new DomainRuleException("EXCHANGE-AUTHORITY-INVALID", $"发证机关代码“{code}”不是有效的省、市级行政区划代码（6位数字）。");
        if (code.StartsWith(LocalProvincePrefix, StringComparison.Ordinal))
            throw new DomainRuleException("EXCHANGE-AUTHORITY-LOCAL", "广东省发证机关的证书在本平台签发和登记，不通过交换接收。");
    }

    private void CheckDates(DateOnly today)
    {
        if (FirstIssuedOn > today)
            throw Dates("初次领证日期晚于今天");
        if (FirstIssuedOn <= Holder.BirthDate)
            throw Dates("初次领证日期不晚于持证人出生日期");
        if (ValidFrom < FirstIssuedOn)
            throw Dates("有效期起始日早于初次领证日期");
        if (ValidTo <= ValidFrom)
            throw Dates("有效期截止日不晚于起始日");
        if (NextReviewDue < ValidFrom || NextReviewDue > ValidTo)
            throw Dates("应复审日期不在有效期内");
        if (StatusChangedOn is { } changed && (changed < FirstIssuedOn || changed > today))
            throw Dates("状态变更日期不在初次领证日期与今天之间");
    }

    private static DomainRuleException Dates(string what) => new("EXCHANGE-DATES", $"日期前后矛盾：{what}。");
}

/// <summary>What an exchange push did to the registry.</summary>
public enum ExchangeOutcome
{
    Created,
    Updated,
    Unchanged,
}
