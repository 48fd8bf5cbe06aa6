namespace CertGuard.Core.Enforcement.Penalties;

/// <summary>
/// 重大事故隐患: an uncertified special-operations worker (特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业)
/// in an industrial or trade enterprise (工贸企业: 冶金、有色、建材、机械、轻工、纺织、烟草、商贸) is a major hidden hazard per
/// 《工贸企业重大事故隐患判定标准》（应急管理部令第10号，2023-05-15施行）第三条第（二）项. Such a finding is recorded as a major
/// hidden hazard, whatever band the fine falls in.
/// </summary>
public static class MajorHiddenHazard
{
    public const string Basis = "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条第（二）项";

    /// <summary>The employers' industries (<see cref="Employers.Industries"/>) that are 工贸 sectors.</summary>
    public static IReadOnlyList<string> IndustrialAndTradeIndustries { get; } = ["制造", "冶金"];

    /// <summary>The penalty codes of an uncertified worker on the job (the reference data's codes).</summary>
    public static IReadOnlyList<string> UncertifiedWorkerCodes { get; } =
        ["EMPLOYER-UNCERTIFIED-WORKER", "EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED"];

    public static bool IsIndustrialOrTrade(string? industry) =>
        industry is not null && IndustrialAndTradeIndustries.Contains(industry.Trim(), StringComparer.Ordinal);

    public static bool Applies(string? industry, string violationCode) =>
        IsIndustrialOrTrade(industry) && UncertifiedWorkerCodes.Contains(violationCode, StringComparer.Ordinal);
}
