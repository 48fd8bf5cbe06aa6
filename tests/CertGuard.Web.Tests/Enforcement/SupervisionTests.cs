using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Supervision;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Data.ReferenceData;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>
/// Supervised cases (挂牌督办): placed with the reference data's deadline, flagged when past it (list and workbench),
/// reported on by the case city's enforcement, lifted only by the office that supervises (403 for anyone else), a city
/// office only for its own city, and counted as indicator 41 exactly as its records list.
/// </summary>
public abstract partial class SupervisionTests(CertGuardApp app)
{
    [Fact]
    public async Task A_supervised_case_past_its_deadline_is_flagged_and_lifted_only_by_the_supervising_office()
    {
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var deadlineDays = app.Services.GetRequiredService<ReferenceDataProvider>().Today.TimeLimit("SUPERVISION-DEADLINE")!.Amount;

        // Placed by the province with the defaults of the reference data.
        var fresh = await OpenCaseAsync("挂牌督办：网络售卖假证");
        var placed = await province.PostAsJsonAsync("/api/v1/supervision", new { caseId = fresh, requirements = "查清假证来源，按期报送进展" })
            .OkAsync(HttpStatusCode.Created);
        Assert.Equal(app.Today().AddDays(deadlineDays).ToString("yyyy-MM-dd"), placed.GetProperty("deadline").GetString());
        Assert.Equal(deadlineDays, placed.GetProperty("daysLeft").GetInt32());
        Assert.False(placed.GetProperty("overdue").GetBoolean());
        await (await province.PostAsJsonAsync("/api/v1/supervision", new { caseId = fresh, requirements = "再次督办" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "SUPERVISION-ACTIVE");

        // One placed long ago is past its deadline: flagged on the list and on the workbench.
        var overdueId = await PlaceLongAgoAsync(await OpenCaseAsync("挂牌督办：逾期案件"), daysAgo: deadlineDays + 10);
        var list = await province.GetFromJsonAsync<JsonElement>("/api/v1/supervision");
        var overdue = list.EnumerateArray().Single(s => s.Id() == overdueId);
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.True(overdue.GetProperty("reportOverdue").GetBoolean());
        Assert.Equal(-10, overdue.GetProperty("daysLeft").GetInt32());
        var workbench = await (await app.SignedInClientAsync(Role.ProvinceOffice.Id)).GetStringAsync("/workbench");
        Assert.True(int.Parse(OverdueItem().Match(workbench).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, workbench);
        var page = await (await app.SignedInClientAsync(Role.ProvinceOffice.Id)).GetStringAsync("/supervision");
        Assert.Contains($"data-id=\"{overdueId}\" data-overdue=\"true\"", page);

        // The handling authority reports; the report shows as the last one.
        var reported = await app.Inspector().PostAsJsonAsync($"/api/v1/supervision/{overdueId}/reports", new { version = overdue.Version(), text = "已调取销售记录，正在核查上家" }).OkAsync();
        Assert.Equal("已调取销售记录，正在核查上家", reported.GetProperty("lastReport").GetProperty("text").GetString());
        Assert.False(reported.GetProperty("reportOverdue").GetBoolean());
        await (await app.ApiClient(Role.CityOffice.Id).PostAsJsonAsync($"/api/v1/supervision/{overdueId}/reports", new { version = reported.Version(), text = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "SUPERVISION-REPORT-FORBIDDEN");

        // On the page: the city office sees no lifting form, and a forged post is refused with 403 and the message.
        var officePages = await app.SignedInClientAsync(Role.CityOffice.Id);
        var officeDetail = await officePages.GetStringAsync($"/supervision/{overdueId}");
        Assert.DoesNotContain("data-testid=\"supervision-lift\"", officeDetail);
        var forged = await officePages.PostAsync($"/supervision/{overdueId}?handler=lift", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(officeDetail), ["version"] = $"{reported.Version()}", ["result"] = "同意销号",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("只有督办机关可以验收销号", await forged.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"supervision-lift\"", await (await app.SignedInClientAsync(Role.ProvinceOffice.Id)).GetStringAsync($"/supervision/{overdueId}"));

        // Only the province, which supervises it, lifts it.
        foreach (var role in new[] { Role.CityOffice.Id, Role.Inspector.Id, Role.EnforcementLead.Id })
            await (await app.ApiClient(role).PostAsJsonAsync($"/api/v1/supervision/{overdueId}/lifting", new { version = reported.Version(), result = "同意销号" }))
                .AssertProblemAsync(HttpStatusCode.Forbidden, "SUPERVISION-LIFT-FORBIDDEN");
        await (await province.PostAsJsonAsync($"/api/v1/supervision/{overdueId}/lifting", new { version = reported.Version(), result = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SUPERVISION-RESULT-REQUIRED");
        var lifted = await province.PostAsJsonAsync($"/api/v1/supervision/{overdueId}/lifting", new { version = reported.Version(), result = "已依法处罚并移送，同意销号" }).OkAsync();
        Assert.Equal("Lifted", lifted.GetProperty("state").GetString());
        Assert.False(lifted.GetProperty("overdue").GetBoolean());
        await (await province.PostAsJsonAsync($"/api/v1/supervision/{overdueId}/lifting", new { version = lifted.Version(), result = "again" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "SUPERVISION-LIFTED");

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SupervisedCase) && e.EntityId == overdueId.ToString()));
    }

    [Fact]
    public async Task A_city_office_supervises_its_own_city_only_and_only_it_lifts_what_it_supervises()
    {
        var office = app.ApiClient(Role.CityOffice.Id);
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var own = await OpenCaseAsync("市级督办：用人单位使用假证");

        await (await app.Inspector().PostAsJsonAsync("/api/v1/supervision", new { caseId = own, requirements = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "SUPERVISION-PLACE-FORBIDDEN");
        await (await office.PostAsJsonAsync("/api/v1/supervision", new { caseId = own, requirements = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SUPERVISION-REQUIREMENTS-REQUIRED");
        await (await office.PostAsJsonAsync("/api/v1/supervision", new { caseId = own, requirements = "x", deadline = app.Today().ToString("yyyy-MM-dd") }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SUPERVISION-DEADLINE-PAST");
        var placed = await office.PostAsJsonAsync("/api/v1/supervision", new { caseId = own, requirements = "逐人核查持证情况", reportIntervalDays = 7 })
            .OkAsync(HttpStatusCode.Created);
        Assert.False(placed.GetProperty("byProvince").GetBoolean());
        Assert.Equal(7, placed.GetProperty("reportIntervalDays").GetInt32());

        // Another city's case is out of the office's reach.
        Guid elsewhere;
        await using (var db = app.SystemDb())
            elsewhere = await db.EnforcementCases.Where(c => c.RegionCode != CaseArrangement.Guangzhou && c.Stage != CaseStage.Closed)
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await (await office.PostAsJsonAsync("/api/v1/supervision", new { caseId = elsewhere, requirements = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "CASE-NOT-FOUND");

        // The province reads it but does not lift what the city supervises.
        Assert.Contains((await province.GetFromJsonAsync<JsonElement>("/api/v1/supervision")).EnumerateArray(), s => s.Id() == placed.Id());
        await (await province.PostAsJsonAsync($"/api/v1/supervision/{placed.Id()}/lifting", new { version = placed.Version(), result = "同意" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "SUPERVISION-LIFT-FORBIDDEN");
        var lifted = await office.PostAsJsonAsync($"/api/v1/supervision/{placed.Id()}/lifting", new { version = placed.Version(), result = "已全部整改，同意销号" }).OkAsync();
        Assert.Equal("Lifted", lifted.GetProperty("state").GetString());

        // A Shenzhen account does not see Guangzhou's supervision.
        var shenzhen = await app.ShenzhenInspectorAsync();
        await (await shenzhen.GetAsync($"/api/v1/supervision/{placed.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "SUPERVISION-NOT-FOUND");
    }

    [Fact]
    public async Task Indicator_41_counts_the_cases_placed_in_the_window_as_its_records_list()
    {
        var placed = await app.ApiClient(Role.ProvinceOffice.Id)
            .PostAsJsonAsync("/api/v1/supervision", new { caseId = await OpenCaseAsync("统计：挂牌督办"), requirements = "按期办结" })
            .OkAsync(HttpStatusCode.Created);
        var now = app.Clock().GetUtcNow();
        var window = new IndicatorWindow(now.AddDays(-1), now.AddDays(1));

        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("test"));
        var calculator = scope.ServiceProvider.GetRequiredService<StatisticsCalculator>();
        var figures = await calculator.ComputeAsync(window, CancellationToken.None);
        var records = await calculator.ListAsync("41", CaseArrangement.Guangzhou, window, CancellationToken.None)!;

        Assert.Equal(records.Count, figures[CaseArrangement.Guangzhou]["41"]);
        Assert.Contains(records, r => r.Id == placed.Id() && r.Link == $"/supervision/{placed.Id()}");
        foreach (var city in RegionDirectory.Guangdong.Cities.Select(c => c.Code))
            Assert.Equal((await calculator.ListAsync("41", city, window, CancellationToken.None)!).Count, figures[city]["41"]);
    }

    private async Task<Guid> OpenCaseAsync(string title)
    {
        var lead = await app.LeadAsync(title);
        var c = await app.Inspector().PostAsJsonAsync("/api/v1/cases", new { leadIds = new[] { lead }, title, personName = "王五" })
            .OkAsync(HttpStatusCode.Created);
        return c.Id();
    }

    private async Task<Guid> PlaceLongAgoAsync(Guid caseId, int daysAgo)
    {
        var at = app.Clock().GetUtcNow().AddDays(-daysAgo);
        var deadlineDays = app.Services.GetRequiredService<ReferenceDataProvider>().Today.TimeLimit("SUPERVISION-DEADLINE")!.Amount;
        await using var db = app.SystemDb();
        var title = await db.EnforcementCases.Where(c => c.Id == caseId).Select(c => c.Title).SingleAsync();
        var s = new SupervisedCase(new SupervisionNotice(caseId, CaseArrangement.Guangzhou, title, RegionDirectory.Guangdong.Province.Code, ByProvince: true,
            ChinaTime.DateOf(at).AddDays(deadlineDays), 15, "查清来源，依法处理"), "test", at);
        db.SupervisedCases.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    }

    [GeneratedRegex("data-item=\"supervision-overdue\" data-count=\"(\\d+)\"")]
    private static partial Regex OverdueItem();
}

public sealed class SqliteSupervisionTests(SqliteApp app) : SupervisionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSupervisionTests(PostgresApp app) : SupervisionTests(app), IClassFixture<PostgresApp>;
