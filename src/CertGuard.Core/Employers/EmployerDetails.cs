using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;

namespace CertGuard.Core.Employers;

/// <summary>
/// What an employer gives when it registers (or the city office registers it): name, unified social credit code,
/// city, industry and a contact. <see cref="Validate"/> refuses bad input with a code and a Chinese message.
/// </summary>
public sealed record EmployerDetails(string Name, string CreditCode, string RegionCode, string Industry, string ContactName, string ContactPhone)
{
    public const int NameMaxLength = 128;
    public const int ContactMaxLength = 32;

    /// <summary>Trimmed, the credit code in upper-case ASCII (full-width characters typed on a Chinese keyboard converted).</summary>
    public EmployerDetails Normalised() => new(
        Name.Trim(), NormaliseCreditCode(CreditCode), RegionCode.Trim(), Industry.Trim(), ContactName.Trim(), ContactPhone.Trim());

    public static string NormaliseCreditCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var chars = text.Trim().Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).ToArray();
        return new string(chars).ToUpperInvariant();
    }

    /// <summary>Checks a normalised set of details; throws <see cref="DomainRuleException"/> at the first problem.</summary>
    public void Validate()
    {
        if (Name.Length == 0 || Name.Length > NameMaxLength)
            throw Refusal.Invalid("EMPLOYER-NAME", ("max", NameMaxLength));
        if (CreditCodeError(CreditCode) is not null) throw Refusal.Invalid("EMPLOYER-USCC", ("length", CreditCode.Length));
        if (!RegionDirectory.Guangdong.IsCity(RegionCode))
            throw Refusal.Invalid("EMPLOYER-CITY");
        if (!Industries.IsKnown(Industry))
            throw Refusal.Invalid("EMPLOYER-INDUSTRY");
        if (ContactName.Length == 0 || ContactName.Length > ContactMaxLength)
            throw Refusal.Invalid("EMPLOYER-CONTACT", ("max", ContactMaxLength));
        if (ContactPhone.Length is < 7 or > 20 || ContactPhone.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or '+' or ' ')))
            throw Refusal.Invalid("EMPLOYER-PHONE");
    }

    /// <summary>Why a code is not a unified social credit code (GB 32100-2015), in Chinese; null when it is one.</summary>
    public static string? CreditCodeError(string code)
    {
        if (code.Length == 0) return "请填写统一社会信用代码。";
        if (code.Length != 18) return $"统一社会信用代码应为18位，您填写了{code.Length}位。";
        foreach (var c in code)
        {
            if (UnifiedSocialCreditCode.Characters.IndexOf(c) < 0)
                return "统一社会信用代码只含数字和大写字母（不使用 I、O、Z、S、V），请核对。";
        }
        return UnifiedSocialCreditCode.IsValid(code) ? null : "统一社会信用代码校验位（第18位）不正确，请核对是否输错。";
    }
}
