using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Campaigns.Dashboard;
using CertGuard.Testing;
using CertGuard.Testing.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Campaigns;

/// <summary>
/// The campaign dashboard against a test indicator source with known figures: the API's map, ranking, monthly trend
/// and "five of each" equal the statistics calculator's for the same windows; a figure no source counts is null
/// (暂无数据 on the page), never 0; a city office gets its own city only; an unknown indicator is a 400 problem; the
/// page's CSV holds its table.
/// </summary>
public abstract class DashboardTests(FixedIndicatorsApp app)
{
    private static readonly string Url = $"/api/v1/campaigns/{DashboardQuery.DefaultCampaignId}/dashboard";

    [Fact]
    public async Task The_province_offices_figures_equal_the_calculators_for_every_city_month_and_result()
    {
        var answer = await app.ApiClient(Role.ProvinceOffice.Id).GetFromJsonAsync<JsonElement>(Url + "?indicator=fake");

        Assert.Equal(JsonValueKind.Null, answer.GetProperty("city").ValueKind);
        Assert.Equal("fake", answer.GetProperty("indicator").GetProperty("id").GetString());
        var (from, to) = (answer.GetProperty("from").GetDateTimeOffset(), answer.GetProperty("to").GetDateTimeOffset());
        var sofar = await ComputeAsync(new IndicatorWindow(from, to));
        var map = answer.GetProperty("map").EnumerateArray().ToList();
        Assert.Equal(RegionDirectory.Guangdong.Cities.Select(c => c.Code), map.Select(c => c.GetProperty("code").GetString()));
        foreach (var city in map)
        {
            var figures = sofar[city.GetProperty("code").GetString()!];
            Assert.Equal(figures["6"] + figures["15"], city.GetProperty("value").GetDecimal());
        }
        var total = StatisticsFigures.Sum(sofar.Values);
        Assert.Equal(total["6"] + total["15"], answer.GetProperty("total").GetDecimal());

        // Highest first: the figures grow with the city's place in the directory, so 云浮 (last) leads.
        var ranking = answer.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(map.Select(c => c.GetProperty("value").GetDecimal()).OrderDescending(), ranking.Select(c => c.GetProperty("value").GetDecimal()));
        Assert.Equal("445300", ranking[0].GetProperty("code").GetString());
        Assert.Equal(1, ranking[0].GetProperty("rank").GetInt32());

        var months = answer.GetProperty("trend").EnumerateArray().ToList();
        Assert.NotEmpty(months);
        Assert.Equal(from, months[0].GetProperty("from").GetDateTimeOffset());
        Assert.Equal(to, months[^1].GetProperty("to").GetDateTimeOffset());
        foreach (var month in months)
        {
            var window = new IndicatorWindow(month.GetProperty("from").GetDateTimeOffset(), month.GetProperty("to").GetDateTimeOffset());
            var sum = StatisticsFigures.Sum((await ComputeAsync(window)).Values);
            Assert.Equal(sum["6"] + sum["15"], month.GetProperty("value").GetDecimal());
        }

        var results = answer.GetProperty("fiveOfEach").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("value"));
        Assert.Equal(["38", "39", "20.person", "20.org", "24", "42"], results.Keys);
        foreach (var code in new[] { "38", "39", "20.person", "20.org", "24" })
            Assert.Equal(total[code], results[code].GetDecimal());
        // No source counts typical cases here: not available, never 0.
        Assert.Equal(JsonValueKind.Null, results["42"].ValueKind);
    }

    [Fact]
    public async Task The_lawful_certification_rate_is_each_citys_ratio_and_the_provinces_from_the_sums()
    {
        var answer = await app.ApiClient(Role.ProvinceOffice.Id).GetFromJsonAsync<JsonElement>(Url + "?indicator=4");

        var sofar = await ComputeAsync(new IndicatorWindow(answer.GetProperty("from").GetDateTimeOffset(), answer.GetProperty("to").GetDateTimeOffset()));
        foreach (var city in answer.GetProperty("map").EnumerateArray())
            Assert.Equal(sofar[city.GetProperty("code").GetString()!]["4"], city.GetProperty("value").GetDecimal());
        Assert.Equal(StatisticsFigures.Sum(sofar.Values)["4"], answer.GetProperty("total").GetDecimal());
        Assert.Equal("%", answer.GetProperty("indicator").GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_city_office_gets_its_own_city_only()
    {
        var answer = await app.ApiClient(Role.CityOffice.Id).GetFromJsonAsync<JsonElement>(Url + "?indicator=20");

        var own = answer.GetProperty("city").GetString()!;
        Assert.True(RegionDirectory.Guangdong.IsCity(own));
        Assert.Equal([own], answer.GetProperty("map").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal([own], answer.GetProperty("ranking").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        var window = new IndicatorWindow(answer.GetProperty("from").GetDateTimeOffset(), answer.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(FixedIndicatorSource.Count("20", own, window), answer.GetProperty("total").GetDecimal());
        foreach (var month in answer.GetProperty("trend").EnumerateArray())
        {
            var part = new IndicatorWindow(month.GetProperty("from").GetDateTimeOffset(), month.GetProperty("to").GetDateTimeOffset());
            Assert.Equal(FixedIndicatorSource.Count("20", own, part), month.GetProperty("value").GetDecimal());
        }
        var dens = answer.GetProperty("fiveOfEach").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "38");
        Assert.Equal(FixedIndicatorSource.Count("38", own, window), dens.GetProperty("value").GetDecimal());

        // The page and its CSV name no other city.
        var client = await app.SignedInClientAsync(Role.CityOffice.Id);
        var html = await client.GetStringAsync("/dashboard?indicator=20");
        Assert.Contains($"data-city=\"{own}\"", html);
        foreach (var other in RegionDirectory.Guangdong.Cities.Where(c => c.Code != own))
            Assert.DoesNotContain(other.Name, html);
        var csv = await CsvLinesAsync(client, "/dashboard?handler=csv&table=ranking&indicator=20");
        Assert.Equal(2, csv.Count);
        Assert.Contains(RegionDirectory.Guangdong.NameOf(own), csv[1]);
    }

    [Fact]
    public async Task An_unknown_indicator_or_campaign_is_a_problem_and_other_roles_are_refused()
    {
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var problem = await (await province.GetAsync(Url + "?indicator=fakes")).AssertProblemAsync(HttpStatusCode.BadRequest, "DASHBOARD-INDICATOR");
        Assert.Contains("fakes", problem.GetProperty("detail").GetString());
        await (await province.GetAsync($"/api/v1/campaigns/{Guid.NewGuid()}/dashboard")).AssertProblemAsync(HttpStatusCode.NotFound, "DASHBOARD-CAMPAIGN-NOT-FOUND");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(Role.Employer.Id).GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(Role.Police.Id).GetAsync(Url)).StatusCode);

        var page = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var refused = await page.GetAsync("/dashboard?indicator=fakes");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-testid=\"dashboard-error\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/dashboard?handler=csv&table=nothing")).StatusCode);
        var police = await app.SignedInClientAsync(Role.Police.Id);
        var denied = await police.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/account/denied", denied.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_province_offices_page_shows_every_chart_with_its_table_no_data_as_such_and_csv_equal_to_the_api()
    {
        var client = await app.SignedInClientAsync(Role.ProvinceOffice.Id);

        var html = await client.GetStringAsync("/dashboard");

        foreach (var chart in new[] { "map", "trend", "ranking", "results" })
        {
            Assert.Contains($"data-dashboard-chart=\"{chart}\"", html);
            Assert.Contains($"data-testid=\"dashboard-table-{chart}\"", html);
            Assert.Contains($"data-testid=\"dashboard-csv-{chart}\"", html);
        }
        Assert.Contains("/lib/echarts/echarts.min.js", html);
        Assert.Contains("<td class=\"no-data\">暂无数据</td>", html);
        Assert.Contains("data-nav=\"dashboard\" aria-current=\"page\"", html);

        var answer = await app.ApiClient(Role.ProvinceOffice.Id).GetFromJsonAsync<JsonElement>(Url);
        var csv = await CsvLinesAsync(client, "/dashboard?handler=csv&table=map");
        Assert.Equal(22, csv.Count);
        Assert.StartsWith("地市,发现假证（本）", csv[0], StringComparison.Ordinal);
        foreach (var (city, line) in answer.GetProperty("map").EnumerateArray().Zip(csv.Skip(1)))
            Assert.Equal($"{city.GetProperty("name").GetString()},{city.GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture)}", line);
        var results = await CsvLinesAsync(client, "/dashboard?handler=csv&table=results");
        Assert.Equal("曝光典型案例,暂无数据,个", results[^1]);

        // The workbench links the offices to the dashboard.
        Assert.Contains("href=\"/dashboard\" data-testid=\"chart-link\"", await client.GetStringAsync("/workbench"));
    }

    private async Task<IReadOnlyDictionary<string, StatisticsFigures>> ComputeAsync(IndicatorWindow window)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StatisticsCalculator>().ComputeAsync(window, CancellationToken.None);
    }

    private static async Task<List<string>> CsvLinesAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}

public sealed class SqliteDashboardTests(SqliteFixedIndicatorsApp app) : DashboardTests(app), IClassFixture<SqliteFixedIndicatorsApp>;

public sealed class PostgresDashboardTests(PostgresFixedIndicatorsApp app) : DashboardTests(app), IClassFixture<PostgresFixedIndicatorsApp>;
