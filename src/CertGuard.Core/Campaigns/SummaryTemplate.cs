using System.Globalization;
using System.Text;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// The closing summary's first draft (工作总结): the campaign's totals for the city (or the province) section by section
/// of the statistics table, with the parts only people can write left to fill. Unavailable figures are left out, never 0.
/// </summary>
public static class SummaryTemplate
{
    public static string Prefill(Campaign campaign, string who, StatisticsFigures totals)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{who}{campaign.Name}工作总结\n");
        text.Append(CultureInfo.InvariantCulture, $"按照《{campaign.Name}》（{campaign.DocumentNumber}）部署，{who}自{campaign.StartsOn.Year}年{campaign.StartsOn.Month}月{campaign.StartsOn.Day}日起开展专项治理行动，现将工作情况总结如下：\n");
        text.Append("一、组织部署情况\n").Append(CircularTemplate.Placeholder).Append('\n');
        text.Append("二、主要工作成效\n");
        foreach (var (number, heading, _) in StatisticsIndicators.Sections)
        {
            var parts = StatisticsIndicators.All.Where(i => i.Section == number && totals[i.Code] is not null)
                .Select(i => $"{i.Label}{totals[i.Code]!.Value.ToString("0.##", CultureInfo.InvariantCulture)}{i.Unit}").ToList();
            if (parts.Count > 0) text.Append(CultureInfo.InvariantCulture, $"{heading[2..]}：{string.Join("，", parts)}。\n");
        }
        text.Append("三、存在的问题\n").Append(CircularTemplate.Placeholder).Append('\n');
        text.Append("四、下一步工作打算\n").Append(CircularTemplate.Placeholder).Append('\n');
        return text.ToString();
    }
}
