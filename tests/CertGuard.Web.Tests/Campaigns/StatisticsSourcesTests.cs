using System.Text.RegularExpressions;
using CertGuard.Core.Campaigns;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Campaigns.Sources;
using CertGuard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Campaigns;

/// <summary>
/// Issue 15, item 3: every computed figure 1–32 is filled from the records, and each opens exactly the records it
/// counts; a record counts in its window only; a city office counts its own city only.
/// </summary>
public abstract partial class StatisticsSourcesTests(CertGuardApp app)
{
    /// <summary>The codes the sources of this assembly count (33: market regulation's answers "case filed" to web watch referrals).</summary>
    public static readonly string[] Claimed =
        ["1", "2", "3", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
         "20", "20.org", "20.person", "21", "22", "23", "24", "25", "26", "28", "29", "30", "31", "32", "33"];

    private const string Guangzhou = "440100";

    [Fact]
    public void The_calculator_starts_with_every_source_and_claims_each_code_once()
    {
        using var scope = app.Services.CreateScope();
        var sources = scope.ServiceProvider.GetServices<IIndicatorSource>().ToList();
        var calculator = scope.ServiceProvider.GetRequiredService<StatisticsCalculator>();
        Assert.All(Claimed, code => Assert.Contains(code, calculator.ComputedCodes));
        Assert.Contains(sources, s => s is EmployerIndicators);
        Assert.Contains(sources, s => s is WebWatchIndicators);
        var codes = sources.SelectMany(s => s.Codes).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Every_figure_equals_the_records_it_opens()
    {
        await app.ArrangeGuangzhouAsync();
        await app.PullExchangeAsync();
        var now = app.Clock().GetUtcNow();
        var window = new IndicatorWindow(now.AddYears(-3), now.AddDays(1));
        var figures = await app.ComputeAsync(StatisticsArrangement.Province, window);
        foreach (var city in new[] { Guangzhou, "440300" })
            foreach (var code in Claimed)
            {
                var records = await app.ListAsync(StatisticsArrangement.Province, code, city, window);
                Assert.True(figures[city][code] == records.Sum(r => r.Amount), $"{city} {code}: figure {figures[city][code]}, records {records.Sum(r => r.Amount)}");
                Assert.Equal(records.OrderByDescending(r => r.At).Select(r => r.At), records.Select(r => r.At));
                Assert.All(records, r =>
                {
                    Assert.StartsWith("Statistics.Record.", r.Kind, StringComparison.Ordinal);
                    Assert.DoesNotMatch(FullIdNumber(), r.Summary);
                    Assert.False(string.IsNullOrEmpty(r.Link), $"{code}: {r.Kind} without a link");
                    Assert.True(r.At >= window.From && r.At < window.To, $"{code}: {r.At} outside the window");
                });
                Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
                if (city == Guangzhou) Assert.True(figures[city][code] > 0, $"{code}: Guangzhou counts nothing");
            }
        // 21 is in 万元 and sums the fines decided: the arranged case alone adds 4.7 (30,000 + 2,000 + 15,000 yuan).
        Assert.True(figures[Guangzhou]["21"] >= 4.7m);
        Assert.Contains(await app.ListAsync(StatisticsArrangement.Province, "21", Guangzhou, window), r => r.Amount == 3m);
    }

    [Fact]
    public async Task A_record_counts_in_the_window_of_its_moment_and_in_no_other()
    {
        await app.PullExchangeAsync();
        var now = app.Clock().GetUtcNow();
        var inside = new IndicatorWindow(now, now.AddHours(1), [Guangzhou]);
        var outside = new IndicatorWindow(now.AddYears(-3), now, [Guangzhou]);
        var before = (In: await app.ComputeAsync(StatisticsArrangement.Province, inside), Out: await app.ComputeAsync(StatisticsArrangement.Province, outside));

        await app.ArrangeGuangzhouAsync();
        await app.PullExchangeAsync();

        var after = (In: await app.ComputeAsync(StatisticsArrangement.Province, inside), Out: await app.ComputeAsync(StatisticsArrangement.Province, outside));
        Assert.Equal([Guangzhou], after.In.Keys);
        foreach (var code in Claimed)
        {
            Assert.True(after.In[Guangzhou][code] > before.In[Guangzhou][code], $"{code}: {before.In[Guangzhou][code]} → {after.In[Guangzhou][code]} inside");
            Assert.True(after.Out[Guangzhou][code] == before.Out[Guangzhou][code], $"{code}: {before.Out[Guangzhou][code]} → {after.Out[Guangzhou][code]} outside");
        }
        // The arranged roster check: 3 workers, 1 valid, 1 without the item, 1 fake; the inspection met 4, 1 valid, 1 fake.
        var added = Claimed.ToDictionary(c => c, c => after.In[Guangzhou][c] - before.In[Guangzhou][c]);
        Assert.Equal((3m, 1m, 1m, 1m), (added["2"], added["3"], added["7"], added["8"]));
        Assert.Equal((4m, 1m, 4m, 1m), (added["12"], added["13"], added["14"], added["15"]));
        Assert.Equal((3m, 1m, 2m, 4.7m), (added["20"], added["20.person"], added["20.org"], added["21"]));
        Assert.Equal((2m, 2m, 1m), (added["25"], added["26"], added["22"]));
    }

    [Fact]
    public async Task A_city_office_counts_its_own_city_only()
    {
        await app.ArrangeGuangzhouAsync();
        await app.ArrangeSiteAsync("440300");
        var now = app.Clock().GetUtcNow();
        var window = new IndicatorWindow(now.AddYears(-3), now.AddDays(1));
        var province = await app.ComputeAsync(StatisticsArrangement.Province, window);
        var city = await app.ComputeAsync(StatisticsArrangement.CityOffice(Guangzhou), window);

        Assert.True(province["440300"]["28"] > 0);
        foreach (var code in Claimed)
        {
            Assert.Equal(province[Guangzhou][code], city[Guangzhou][code]);
            Assert.All(city.Where(c => c.Key != Guangzhou), other => Assert.Equal(0m, other.Value[code]));
        }
        // What a city office opens of another city is nothing either.
        Assert.Empty(await app.ListAsync(StatisticsArrangement.CityOffice(Guangzhou), "28", "440300", window));
        Assert.NotEmpty(await app.ListAsync(StatisticsArrangement.Province, "28", "440300", window));
    }

    [Fact]
    public async Task Cities_that_start_apart_are_counted_in_one_pass_each_from_its_own_start()
    {
        var early = app.Clock().GetUtcNow().AddYears(-3);
        await app.ArrangeGuangzhouAsync();
        var beforeSite = app.Clock().GetUtcNow();
        await app.ArrangeSiteAsync("440300");
        await app.PullExchangeAsync();
        var now = app.Clock().GetUtcNow();
        var to = now.AddDays(1);
        // Guangzhou's window opens after its records (a report submitted since), Shenzhen's before its, 佛山's late too.
        var starts = new Dictionary<string, DateTimeOffset> { [Guangzhou] = now.AddSeconds(1), ["440300"] = early, ["440600"] = now.AddHours(1) };
        var together = await app.ComputeAsync(StatisticsArrangement.Province, IndicatorWindow.PerCity(starts, to));

        Assert.Equal(starts.Keys.Order(), together.Keys.Order());
        foreach (var (city, start) in starts)
        {
            var alone = (await app.ComputeAsync(StatisticsArrangement.Province, new IndicatorWindow(start, to, [city])))[city];
            foreach (var code in Claimed)
            {
                Assert.True(together[city][code] == alone[code], $"{city} {code}: {together[city][code]} together, {alone[code]} alone");
                var records = await app.ListAsync(StatisticsArrangement.Province, code, city, IndicatorWindow.PerCity(starts, to).Only(city));
                Assert.Equal(alone[code], records.Sum(r => r.Amount));
            }
        }
        // The late start left out what Guangzhou's early start counts, and Shenzhen's site is in.
        var fromEarly = (await app.ComputeAsync(StatisticsArrangement.Province, new IndicatorWindow(early, to, [Guangzhou])))[Guangzhou];
        Assert.Contains(Claimed, code => fromEarly[code] > together[Guangzhou][code]);
        Assert.True(together["440300"]["28"] > 0);

        // Windows that end apart too (earlier months' reports, each to its cut-off): Shenzhen's closes before its site.
        var bounded = await app.ComputeAsync(StatisticsArrangement.Province, IndicatorWindow.PerCity(
            new Dictionary<string, (DateTimeOffset, DateTimeOffset)> { [Guangzhou] = (early, to), ["440300"] = (early, beforeSite) }));
        var shenzhenBefore = (await app.ComputeAsync(StatisticsArrangement.Province, new IndicatorWindow(early, beforeSite, ["440300"])))["440300"];
        foreach (var code in Claimed)
        {
            Assert.Equal(fromEarly[code], bounded[Guangzhou][code]);
            Assert.Equal(shenzhenBefore[code], bounded["440300"][code]);
        }
        Assert.True(bounded["440300"]["28"] < together["440300"]["28"]);
    }

    // Delimited like AuditRedaction's: a random hex id in a suspect's URL may hold 18 digits in a row.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex FullIdNumber();
}

public sealed class SqliteStatisticsSourcesTests(SqliteApp app) : StatisticsSourcesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStatisticsSourcesTests(PostgresApp app) : StatisticsSourcesTests(app), IClassFixture<PostgresApp>;
