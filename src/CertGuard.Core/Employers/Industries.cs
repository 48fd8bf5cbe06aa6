namespace CertGuard.Core.Employers;

/// <summary>
/// The industries an employer chooses from when it registers: the sectors with special operations that the campaign
/// notice names, and a catch-all. The city office's list groups and filters by them.
/// </summary>
public static class Industries
{
    public static IReadOnlyList<string> All { get; } =
        ["建筑", "电力", "制造", "危险化学品", "矿山", "冶金", "燃气", "交通运输", "物流", "物业", "其他"];

    public static bool IsKnown(string? industry) => industry is not null && All.Contains(industry, StringComparer.Ordinal);
}
