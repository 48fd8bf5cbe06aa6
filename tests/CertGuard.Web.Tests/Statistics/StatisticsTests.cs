using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Enforcement;
using CertGuard.Data.Campaigns.Reports;
using CertGuard.Web.Features.Statistics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Statistics;

/// <summary>
/// Issue 15's "done when" for the statistics table: a city's figure is the count of the records it opens; a correction
/// keeps both values and the reason; submission before the 25th freezes; a city that misses the 25th shows 逾期; the
/// province returns a report and it is resubmitted; the XLSX has the 21 cities and a total that adds up.
/// </summary>
public abstract class StatisticsTests(StatisticsApp app)
{
    private const string Guangzhou = "440100";
    private const string Shenzhen = "440300";
    private const string Month = "2026-11";

    [Fact]
    public async Task A_city_reports_its_month_and_the_province_returns_it_for_a_resubmission()
    {
        app.Clock.MoveTo(StatisticsApp.Start);
        var campaign = await CampaignAsync();
        var office = app.ApiClient(Role.CityOffice.Id);
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var url = $"/api/v1/campaigns/{campaign}/reports/{Guangzhou}/{Month}";

        // Live: the figure equals the records it opens, and grows with a new record.
        await RaiseLeadAsync(Guangzhou, LeadSources.Inspection);
        await RaiseLeadAsync(Guangzhou, LeadSources.Signal);
        var report = await office.GetFromJsonAsync<JsonElement>(url);
        var before = Line(report, "34").GetProperty("computed").GetDecimal();
        Assert.True(before >= 2);
        foreach (var code in new[] { "34", "35" })
        {
            var records = await office.GetFromJsonAsync<JsonElement>($"{url}/records/{code}");
            Assert.Equal(Line(report, code).GetProperty("computed").GetDecimal(), records.GetProperty("records").GetArrayLength());
            Assert.All(records.GetProperty("records").EnumerateArray(), r => Assert.StartsWith("/enforcement/leads/", r.GetProperty("link").GetString(), StringComparison.Ordinal));
        }
        // A row no module counts is not yet available, never 0; rows 46–47 are entered.
        Assert.Equal("Unavailable", Line(report, "1").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, Line(report, "1").GetProperty("value").ValueKind);
        Assert.Equal("Entered", Line(report, "46").GetProperty("source").GetString());

        // A correction needs a reason and keeps both values; an entered figure needs its source.
        var noReason = await office.PutAsJsonAsync($"{url}/figures/34", new { value = before + 5 });
        await Problem(noReason, HttpStatusCode.UnprocessableEntity, "REPORT-CORRECTION-REASON");
        var corrected = await (await office.PutAsJsonAsync($"{url}/figures/34", new { value = before + 5, reason = "另有5条线索经电话通报公安，未录入平台" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before, Line(corrected, "34").GetProperty("computed").GetDecimal());
        Assert.Equal(before + 5, Line(corrected, "34").GetProperty("value").GetDecimal());
        Assert.Equal("另有5条线索经电话通报公安，未录入平台", Line(corrected, "34").GetProperty("reason").GetString());
        var entered = await office.PutAsJsonAsync($"{url}/figures/46", new { value = 3, note = "市安委办宣传科活动台账" });
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);

        // Only the city office submits; submitting before the 25th is on time and freezes the figures.
        var version = (await office.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32();
        await Problem(await province.PostAsJsonAsync($"{url}/submission", new { version }), HttpStatusCode.Forbidden, "REPORT-CITY-ONLY");
        var submitted = await (await office.PostAsJsonAsync($"{url}/submission", new { version })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());
        Assert.False(submitted.GetProperty("late").GetBoolean());

        app.Clock.MoveTo(StatisticsApp.Start.AddHours(1));
        await RaiseLeadAsync(Guangzhou, LeadSources.Inspection);
        var frozen = await office.GetFromJsonAsync<JsonElement>(url);
        Assert.True(frozen.GetProperty("frozen").GetBoolean());
        Assert.Equal(before, Line(frozen, "34").GetProperty("computed").GetDecimal());
        Assert.Equal(before + 5, Line(frozen, "34").GetProperty("value").GetDecimal());
        await Problem(await office.PutAsJsonAsync($"{url}/figures/46", new { value = 4, note = "台账" }), HttpStatusCode.Conflict, "REPORT-FROZEN");

        // Past the 25th: the sweep flags Shenzhen, which never submitted, as 逾期 on the province's sheet.
        app.Clock.MoveTo(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)));
        var run = await app.Services.GetRequiredService<ReportDeadlineJob>().RunOnceAsync(CancellationToken.None);
        Assert.NotNull(run);
        var sheet = await province.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/statistics?month={Month}");
        var rows = sheet.GetProperty("cities").EnumerateArray().ToDictionary(r => r.GetProperty("city").GetString()!);
        Assert.Equal("Overdue", rows[Shenzhen].GetProperty("state").GetString());
        Assert.True(rows[Shenzhen].GetProperty("late").GetBoolean());
        Assert.Equal("Submitted", rows[Guangzhou].GetProperty("state").GetString());
        Assert.False(rows[Guangzhou].GetProperty("late").GetBoolean());
        Assert.Equal(before + 5, rows[Guangzhou].GetProperty("period").GetProperty("34").GetDecimal());
        await using (var db = app.SystemDb())
            Assert.True((await db.MonthlyReports.SingleAsync(r => r.CityCode == Shenzhen && r.Month == new DateOnly(2026, 11, 1))).Late);

        // The province returns it with a reason (the city cannot); the city resubmits, still on time (first submitted before the 25th).
        version = frozen.GetProperty("version").GetInt32();
        await Problem(await office.PostAsJsonAsync($"{url}/return", new { reason = "x", version }), HttpStatusCode.Forbidden, "REPORT-PROVINCE-ONLY");
        await Problem(await province.PostAsJsonAsync($"{url}/return", new { reason = " ", version }), HttpStatusCode.UnprocessableEntity, "REPORT-RETURN-REASON");
        var returned = await (await province.PostAsJsonAsync($"{url}/return", new { reason = "第34项更正理由请附公安回执", version })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Returned", returned.GetProperty("state").GetString());
        var again = await office.PutAsJsonAsync($"{url}/figures/34", new { value = before + 5, reason = "另有5条线索经电话通报公安（附公安回执）" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var resubmitted = await (await office.PostAsJsonAsync($"{url}/submission", new { version = returned.GetProperty("version").GetInt32() })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", resubmitted.GetProperty("state").GetString());
        Assert.False(resubmitted.GetProperty("late").GetBoolean());
        var accepted = await province.PostAsJsonAsync($"{url}/acceptance", new { version = resubmitted.GetProperty("version").GetInt32() });
        Assert.Equal("Accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        // Audited: the submission, the return and the correction are in the log.
        await using var check = app.SystemDb();
        var id = report.GetProperty("id").GetGuid().ToString();
        Assert.True(await check.AuditEntries.CountAsync(e => e.EntityId == id) >= 3);
    }

    [Fact]
    public async Task A_city_office_sees_only_its_city_and_the_province_decides()
    {
        var campaign = await CampaignAsync();
        var office = app.ApiClient(Role.CityOffice.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/campaigns/{campaign}/reports/{Shenzhen}/{Month}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/campaigns/{campaign}/statistics?month={Month}&city={Shenzhen}")).StatusCode);
        var own = await office.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/statistics?month={Month}");
        Assert.Equal([Guangzhou], own.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("city").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(Role.Inspector.Id).GetAsync($"/api/v1/campaigns/{campaign}/statistics?month={Month}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/campaigns/{campaign}/reports/{Guangzhou}/2025-01")).StatusCode);
    }

    [Fact]
    public async Task The_province_xlsx_has_the_21_cities_and_a_total_that_adds_up()
    {
        var campaign = await CampaignAsync();
        await RaiseLeadAsync(Shenzhen, LeadSources.Inspection);
        var office = app.ApiClient(Role.CityOffice.Id);
        await office.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/reports/{Guangzhou}/{Month}/figures/47", new { value = 1200, note = "宣传资料发放登记" });

        var response = await app.ApiClient(Role.ProvinceOffice.Id).GetAsync($"/api/v1/campaigns/{campaign}/statistics?month={Month}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatisticsXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);
        Assert.Contains("2026年11月", cells["A1"], StringComparison.Ordinal);
        Assert.Contains("填报单位", cells["A2"], StringComparison.Ordinal);
        Assert.NotNull(part.Worksheet.Descendants<Pane>().Single(p => p.State?.Value == PaneStateValues.Frozen));
        var merged = part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
        var first = StatisticsXlsx.Column(StatisticsXlsx.LeadColumns + 1);
        Assert.Contains(merged, m => m.StartsWith(first + "4:", StringComparison.Ordinal));
        Assert.Equal("一、用人单位自查自纠", cells[first + "4"]);

        var cityRows = Enumerable.Range(StatisticsXlsx.FirstDataRow, 21).ToList();
        Assert.Equal(Core.Regions.RegionDirectory.Guangdong.Cities.Select(c => c.Name), cityRows.Select(r => cells[$"A{r}"]));
        var totalRow = StatisticsXlsx.FirstDataRow + 21;
        Assert.Equal("全省合计", cells[$"A{totalRow}"]);
        var indicators = StatisticsIndicators.All;
        decimal Value(string column, int row) => decimal.Parse(cells[$"{column}{row}"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var code in new[] { "34", "35", "47" })
        {
            var column = StatisticsXlsx.Column(StatisticsXlsx.LeadColumns + 1 + indicators.ToList().FindIndex(i => i.Code == code));
            var available = cityRows.Where(r => cells[$"{column}{r}"] != StatisticsXlsx.Unavailable).ToList();
            if (available.Count == 0)
            {
                Assert.Equal(StatisticsXlsx.Unavailable, cells[$"{column}{totalRow}"]);
                continue;
            }
            var sum = available.Sum(r => Value(column, r));
            Assert.Equal(sum, Value(column, totalRow));
            if (code == "34") Assert.True(sum > 0);
        }
        // Rates are recomputed from the summed parts, not averaged: 4 = 3 ÷ 2 (both unavailable here), 27 likewise.
        var rate = StatisticsXlsx.Column(StatisticsXlsx.LeadColumns + 1 + indicators.ToList().FindIndex(i => i.Code == "4"));
        Assert.Equal(StatisticsXlsx.Unavailable, cells[$"{rate}{totalRow}"]);
        var figures = StatisticsFigures.Sum([new StatisticsFigures(new Dictionary<string, decimal> { ["2"] = 10, ["3"] = 9 }), new StatisticsFigures(new Dictionary<string, decimal> { ["2"] = 90, ["3"] = 1 })]);
        Assert.Equal(10.0m, figures["4"]);
    }

    private async Task<Guid> CampaignAsync()
    {
        await using var db = app.SystemDb();
        return (await db.Campaigns.OrderByDescending(c => c.StartsOn).FirstAsync()).Id;
    }

    private async Task RaiseLeadAsync(string city, string source)
    {
        await using var db = app.SystemDb();
        db.InspectionLeads.Add(new InspectionLead(city, source, "统计测试线索", "test", app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static JsonElement Line(JsonElement report, string code) =>
        report.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    private static async Task Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}

public sealed class SqliteStatisticsTests(SqliteStatisticsApp app) : StatisticsTests(app), IClassFixture<SqliteStatisticsApp>;

public sealed class PostgresStatisticsTests(PostgresStatisticsApp app) : StatisticsTests(app), IClassFixture<PostgresStatisticsApp>;
