using System.ComponentModel.DataAnnotations;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// The <c>Site</c> section: what a government website carries in its frame (the organiser, the office running it,
/// a contact telephone, and the filing numbers: ICP 备案号, 公安机关备案号 and 政府网站标识码). An empty number is not
/// shown; the deployment fills in the real ones.
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>主办单位.</summary>
    [Required, MaxLength(100)]
    public string Organiser { get; set; } = "广东省安全生产委员会办公室";

    /// <summary>承办单位 (optional).</summary>
    [MaxLength(100)]
    public string? Operator { get; set; } = "广东省应急管理厅";

    /// <summary>联系电话.</summary>
    [MaxLength(40), RegularExpression(@"^[0-9+\-() ]*$")]
    public string? Telephone { get; set; } = "12350";

    /// <summary>ICP 备案号, e.g. 粤ICP备12345678号, linked to beian.miit.gov.cn.</summary>
    [MaxLength(60)]
    public string? IcpNumber { get; set; }

    /// <summary>公安机关备案号, e.g. 粤公网安备 44010402001234号, linked to beian.mps.gov.cn.</summary>
    [MaxLength(60)]
    public string? PublicSecurityNumber { get; set; }

    /// <summary>政府网站标识码 (10 characters: digits and capital letters).</summary>
    [RegularExpression("^([0-9A-Z]{10})?$")]
    public string? SiteCode { get; set; }

    /// <summary>The digits of the public-security filing number, for its query link.</summary>
    public string PublicSecurityDigits => new((PublicSecurityNumber ?? "").Where(char.IsAsciiDigit).ToArray());
}
