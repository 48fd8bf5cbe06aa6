namespace CertGuard.Core.Certificates;

/// <summary>
/// Periods and windows of the certificate rules. Reference data, not constants: a newer ministry order
/// (应急管理部令第19号) may change them, and the province office sets them in configuration.
/// </summary>
public sealed record CertificateRules
{
    /// <summary>Order No. 30 (原国家安全监管总局令第30号) as amended.</summary>
    public static CertificateRules Order30 { get; } = new();

    public int ValidityYears { get; init; } = 6;

    public int ReviewIntervalYears { get; init; } = 3;

    public int ExtendedReviewIntervalYears { get; init; } = 6;

    /// <summary>A review is applied for within this many days before it falls due.</summary>
    public int ReviewWindowDays { get; init; } = 60;

    /// <summary>Continuous years in the same operation, without violations, that allow the extended interval.</summary>
    public int ExtendedIntervalMinimumYears { get; init; } = 10;

    /// <summary>Revocation for fraud or false information bars a new application for this long.</summary>
    public int ReapplicationBarYears { get; init; } = 3;

    public int MinimumAgeAtIssue { get; init; } = 18;
}
