using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Institutions;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Inspections;

/// <summary>
/// Institutions and the demo: an inspection of a training institution checks the questionnaire in force beside its
/// own self-check, can end in a proposed penalty (a lead), and takes it off the city's "not yet inspected" list; the
/// demo shows inspections in every state and an overdue order; the pages answer each role as its policy says.
/// </summary>
public abstract class InspectionInstitutionTests(CertGuardApp app)
{
    [Fact]
    public async Task An_institution_inspection_records_conditions_beside_its_self_check_and_leaves_the_not_inspected_list()
    {
        var institution = await app.DemoInstitutionAsync();
        var inspector = app.ApiClient(Role.Inspector.Id);
        var before = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/inspections/institutions/not-inspected");
        Assert.Contains(before.EnumerateArray(), o => o.GetProperty("id").GetGuid() == institution);

        var id = await app.OnSiteAsync(institution);
        List<string> keys;
        await using (var db = app.SystemDb())
            keys = (await db.Set<QuestionnaireVersion>().AsNoTracking().OrderByDescending(q => q.Version).FirstAsync()).Questions.Select(q => q.Key).ToList();
        var conditions = keys.Select((k, i) => new { key = k, met = i != 0, note = i == 0 ? "无固定实操场地" : null }).ToList();

        var missing = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/conditions", new { conditions = conditions.Skip(1) });
        await missing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SELFCHECK-UNANSWERED");
        var saved = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/conditions", new { conditions });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var record = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(keys.Count, record.GetProperty("conditions").GetArrayLength());
        Assert.False(record.GetProperty("conditions")[0].GetProperty("met").GetBoolean());

        var employerFinding = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/findings", new { type = "no-worker-files" });
        await employerFinding.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "INSPECTION-FINDING-TYPE");
        var penalty = await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/findings",
            new { type = "institution-penalty", description = "不具备安全培训条件，拟责令终止安全培训活动" });
        Assert.Equal(HttpStatusCode.Created, penalty.StatusCode);
        var penaltyId = (await penalty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var db = app.SystemDb())
        {
            var lead = await db.InspectionLeads.AsNoTracking().SingleAsync(l => l.SourceId == penaltyId);
            Assert.Equal(institution, lead.OrganisationId);
            Assert.Equal(LeadSources.Inspection, lead.Source);
        }

        var version = record.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/completion", new { conclusion = "拟处罚", version })).StatusCode);
        var after = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/inspections/institutions/not-inspected");
        Assert.DoesNotContain(after.EnumerateArray(), o => o.GetProperty("id").GetGuid() == institution);
    }

    [Fact]
    public async Task The_demo_has_inspections_in_every_state_across_cities_and_overdue_orders()
    {
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var all = await province.GetFromJsonAsync<JsonElement>("/api/v1/inspections");
        var list = all.EnumerateArray().ToList();
        Assert.True(list.Count >= 24, $"{list.Count} inspections");
        Assert.Equal(["done", "in-progress", "planned"], list.Select(i => i.GetProperty("status").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.True(list.Select(i => i.GetProperty("regionCode").GetString()).Distinct().Count() >= 5);

        var orders = await province.GetFromJsonAsync<JsonElement>("/api/v1/inspections/orders");
        var statuses = orders.EnumerateArray().Select(o => o.GetProperty("status").GetString()).Distinct().ToList();
        Assert.Equal(4, statuses.Count);
        var overdue = await province.GetFromJsonAsync<JsonElement>("/api/v1/inspections/orders?overdue=true");
        Assert.NotEmpty(overdue.EnumerateArray());
        Assert.All(overdue.EnumerateArray(), o => Assert.True(o.GetProperty("overdue").GetBoolean()));
    }

    [Theory]
    [InlineData("inspector", "/inspections", HttpStatusCode.OK)]
    [InlineData("city-office", "/inspections", HttpStatusCode.OK)]
    [InlineData("province-office", "/inspections", HttpStatusCode.OK)]
    [InlineData("employer", "/inspections", HttpStatusCode.Redirect)]
    [InlineData("employer", "/orders", HttpStatusCode.OK)]
    [InlineData("inspector", "/orders", HttpStatusCode.Redirect)]
    public async Task Pages_answer_each_role_as_its_policy_says(string role, string path, HttpStatusCode expected)
    {
        var client = await app.SignedInClientAsync(role);
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        // A role the policy refuses is sent to the access-denied page, never shown the page.
        if (expected == HttpStatusCode.Redirect) Assert.DoesNotContain(path, (response.Headers.Location?.OriginalString ?? path).Split('?')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_employer_reports_from_its_orders_page_and_the_record_page_shows_the_inspection()
    {
        var employer = await app.DemoEmployerAsync();
        var id = await app.OnSiteAsync(employer);
        var inspector = app.ApiClient(Role.Inspector.Id);
        var order = await (await inspector.PostAsJsonAsync($"/api/v1/inspections/{id}/orders", new { requirements = "补建特种作业人员档案（页面）", deadline = app.Today().AddDays(10) }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var page = await app.SignedInClientAsync(Role.Inspector.Id);
        var html = await page.GetStringAsync($"/inspections/{id}");
        Assert.Contains("补建特种作业人员档案（页面）", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"insp-pending\"", html, StringComparison.Ordinal);

        var client = await app.SignedInClientAsync(Role.Employer.Id);
        var ordersPage = await client.GetStringAsync("/orders");
        Assert.Contains("补建特种作业人员档案（页面）", ordersPage, StringComparison.Ordinal);
        var posted = await client.PostAsync("/orders?handler=report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = order.GetProperty("id").GetString()!, ["version"] = "0", ["text"] = "已建立档案",
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(ordersPage),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var orders = await app.ApiClient(Role.Employer.Id).GetFromJsonAsync<JsonElement>("/api/v1/inspections/orders");
        Assert.Equal("reported", orders.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == order.GetProperty("id").GetGuid()).GetProperty("status").GetString());
    }
}

public sealed class SqliteInspectionInstitutionTests(SqliteApp app) : InspectionInstitutionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInspectionInstitutionTests(PostgresApp app) : InspectionInstitutionTests(app), IClassFixture<PostgresApp>;
