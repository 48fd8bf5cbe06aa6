using CertGuard.Core.Campaigns;

namespace CertGuard.Core.Tests.Campaigns;

/// <summary>The table's arithmetic: unavailable stays unavailable, totals recompute rates from sums.</summary>
public sealed class StatisticsFiguresTests
{
    [Fact]
    public void The_table_has_47_rows_in_order_with_the_split_parts()
    {
        var rows = StatisticsIndicators.All.Where(i => !i.IsPart).Select(i => i.Number).ToList();
        Assert.Equal(Enumerable.Range(1, 47), rows);
        Assert.Equal(["20.org", "20.person", "45.amount"], StatisticsIndicators.All.Where(i => i.IsPart).Select(i => i.Code));
    }

    [Fact]
    public void A_code_nobody_counts_is_unavailable_not_zero()
    {
        var figures = new StatisticsFigures(new Dictionary<string, decimal> { ["2"] = 10 });
        Assert.Equal(10, figures["2"]);
        Assert.Null(figures["3"]);
        Assert.Null(figures["4"]);
    }

    [Fact]
    public void A_total_recomputes_its_rate_from_the_sums_instead_of_averaging_rates()
    {
        var a = new StatisticsFigures(new Dictionary<string, decimal> { ["2"] = 10, ["3"] = 10 }); // 100 %
        var b = new StatisticsFigures(new Dictionary<string, decimal> { ["2"] = 90, ["3"] = 45 }); // 50 %
        var total = StatisticsFigures.Sum([a, b]);
        Assert.Equal(100m, a["4"]);
        Assert.Equal(50m, b["4"]);
        Assert.Equal(55m, total["4"]);
        Assert.Equal(100, total["2"]);
        Assert.Null(total["25"]);
    }
}
