using System.Globalization;
using System.Text;
using CertGuard.Core.Regions;

namespace CertGuard.Core.Campaigns;

/// <summary>What a circular is drafted from: the period, the figures of every city, and what only people can write.</summary>
/// <param name="RankBy">The indicator code the cities are ranked by (e.g. "6" fake certificates found, "4" 持证率).</param>
/// <param name="LateCities">Cities whose monthly report of the period was late (逾期).</param>
/// <param name="ReturnedCities">Cities whose monthly report of the period was returned (退回).</param>
/// <param name="GoodPractice">好的做法, free text (may be empty: a placeholder is left to fill).</param>
/// <param name="TypicalCases">典型案例, free text (may be empty).</param>
public sealed record CircularInput(
    Campaign Campaign,
    DateOnly From,
    DateOnly To,
    IReadOnlyDictionary<string, StatisticsFigures> Figures,
    string RankBy,
    IReadOnlyList<string> LateCities,
    IReadOnlyList<string> ReturnedCities,
    string? GoodPractice,
    string? TypicalCases);

/// <summary>
/// The province office's standard circular (情况通报), filled from the figures: the province's totals, the cities ranked by
/// one indicator (unavailable figures last, marked 暂无数据, never as 0), the cities late or returned named, then good
/// practice and typical cases, and the requirements for the next period. The office edits the draft before publishing.
/// </summary>
public static class CircularTemplate
{
    public const string Placeholder = "（请填写）";

    /// <summary>The figures named in the overview, in the table's order.</summary>
    private static readonly string[] Overview = ["1", "2", "4", "10", "11", "5", "6", "20", "21", "28", "30", "35", "37", "38", "43"];

    public static string Title(CircularInput input) =>
        string.Create(CultureInfo.InvariantCulture, $"关于{Period(input.From, input.To)}全省{Short(input.Campaign.Name)}情况的通报");

    public static string Body(CircularInput input)
    {
        var indicator = StatisticsIndicators.Find(input.RankBy) ?? throw Refusal.Invalid("CIRCULAR-INDICATOR", ("code", input.RankBy));
        var total = StatisticsFigures.Sum(input.Figures.Values);
        var text = new StringBuilder();
        text.Append("各地级以上市安全生产委员会办公室：\n");
        text.Append(CultureInfo.InvariantCulture, $"根据《{input.Campaign.Name}》（{input.Campaign.DocumentNumber}）要求，现将{Date(input.From)}至{Date(input.To)}全省专项治理行动开展情况通报如下：\n");
        text.Append("一、总体情况\n");
        var parts = Overview.Select(StatisticsIndicators.Find).OfType<StatisticsIndicator>()
            .Where(i => total[i.Code] is not null)
            .Select(i => $"{i.Label}{Number(total[i.Code]!.Value)}{i.Unit}").ToList();
        text.Append(parts.Count == 0 ? "本期各项数据暂无（相关模块尚未汇总）。\n" : $"全省{string.Join("，", parts)}。\n");
        text.Append(CultureInfo.InvariantCulture, $"二、各地市情况（按“{indicator.Label}”排名）\n");
        var rank = 0;
        foreach (var (city, value) in Ranked(input.Figures, indicator.Code))
        {
            rank++;
            var shown = value is { } v ? $"{Number(v)}{indicator.Unit}" : "暂无数据";
            text.Append(CultureInfo.InvariantCulture, $"{rank}. {RegionDirectory.Guangdong.NameOf(city)}：{shown}\n");
        }
        text.Append("三、报送情况\n");
        text.Append(input.LateCities.Count == 0 ? "本期各地市均按时报送月报和统计表。\n" : $"{Names(input.LateCities)}未按时报送月报和统计表（逾期），予以通报。\n");
        if (input.ReturnedCities.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"{Names(input.ReturnedCities)}报送的月报因内容或数据不符合要求被退回，请按要求修改后重新报送。\n");
        text.Append("四、好的做法\n");
        text.Append(Or(input.GoodPractice)).Append('\n');
        text.Append("五、典型案例\n");
        text.Append(Or(input.TypicalCases)).Append('\n');
        text.Append("六、下一步工作要求\n");
        text.Append("各地要对照实施方案查漏补缺，对排名靠后和逾期报送的地市，要分析原因、压实责任，确保按时保质完成专项治理各项任务；每月25日前按时报送当月工作情况和统计表。\n");
        return text.ToString();
    }

    /// <summary>The cities by the indicator, highest first; cities without the figure last, in the directory's order.</summary>
    public static IReadOnlyList<(string City, decimal? Value)> Ranked(IReadOnlyDictionary<string, StatisticsFigures> figures, string code) =>
        figures.Select(f => (City: f.Key, Value: f.Value[code]))
            .OrderBy(f => f.Value is null)
            .ThenByDescending(f => f.Value ?? 0m)
            .ThenBy(f => Order(f.City))
            .ToList();

    private static int Order(string city)
    {
        var cities = RegionDirectory.Guangdong.Cities;
        for (var i = 0; i < cities.Count; i++)
            if (cities[i].Code == city) return i;
        return int.MaxValue;
    }

    private static string Names(IEnumerable<string> cities) => string.Join("、", cities.Select(RegionDirectory.Guangdong.NameOf));

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? Placeholder : text.Trim();

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");

    private static string Period(DateOnly from, DateOnly to) =>
        from.Year == to.Year && from.Month == to.Month
            ? string.Create(CultureInfo.InvariantCulture, $"{from.Year}年{from.Month}月")
            : string.Create(CultureInfo.InvariantCulture, $"{Date(from)}至{Date(to)}");

    // "2026年广东省打击假冒…专项治理行动" → "打击假冒…专项治理行动": the title names the period already.
    private static string Short(string name)
    {
        var at = name.IndexOf("打击", StringComparison.Ordinal);
        return at >= 0 ? name[at..] : name;
    }
}
