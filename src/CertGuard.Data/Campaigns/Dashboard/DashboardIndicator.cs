using CertGuard.Core.Campaigns;

namespace CertGuard.Data.Campaigns.Dashboard;

/// <summary>
/// What the dashboard's map and trends show: one row of the statistics table, or the sum of several rows of the same
/// unit (假证 found in self-checks and in inspections). Its value is unavailable while any part is, never a partial sum.
/// </summary>
/// <param name="Id">The id in <c>?indicator=</c>: a table code ("4", "20") or a named sum ("fake").</param>
/// <param name="Codes">The statistics-table codes it adds up (one for a row, a ratio included).</param>
public sealed record DashboardIndicator(string Id, IReadOnlyList<string> Codes, string Label, string LabelEn, string Unit, string UnitEn)
{
    /// <summary>The indicator's value in one set of figures; null when a part is not yet counted (or a ratio over 0).</summary>
    public decimal? ValueIn(StatisticsFigures figures)
    {
        decimal sum = 0;
        foreach (var code in Codes)
        {
            if (figures[code] is not { } value) return null;
            sum += value;
        }
        return sum;
    }

    public static DashboardIndicator Of(StatisticsIndicator row) => new(row.Code, [row.Code], row.Label, row.LabelEn, row.Unit, row.UnitEn);
}

/// <summary>The indicators the dashboard offers first, and the campaign's "five of each" (五个一批) results.</summary>
public static class DashboardIndicators
{
    /// <summary>The default of the map and trends: fake certificates found in self-checks (6) and inspections (15).</summary>
    public const string DefaultId = "fake";

    public static IReadOnlyList<DashboardIndicator> Choices { get; } =
    [
        new(DefaultId, ["6", "15"], "发现假证", "Fake certificates found", "本", "certificates"),
        DashboardIndicator.Of(StatisticsIndicators.Find("4")!),
        DashboardIndicator.Of(StatisticsIndicators.Find("20")!),
        DashboardIndicator.Of(StatisticsIndicators.Find("30")!),
    ];

    /// <summary>
    /// 捣毁一批窝点、打掉一批团伙、惩处一批持假证人员和用人单位、关停一批培训考试机构、曝光一批典型案例: dens destroyed,
    /// fake-website gangs broken, holders and employers punished, institutions shut, typical cases published.
    /// </summary>
    public static IReadOnlyList<string> FiveOfEach { get; } = ["38", "39", "20.person", "20.org", "24", "42"];

    /// <summary>A choice by its id, or any row of the statistics table by its code; null for anything else.</summary>
    public static DashboardIndicator? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null
        : Choices.FirstOrDefault(c => c.Id == id) ?? (StatisticsIndicators.Find(id) is { } row ? DashboardIndicator.Of(row) : null);
}
