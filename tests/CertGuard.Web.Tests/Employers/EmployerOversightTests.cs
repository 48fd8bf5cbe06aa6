using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Testing;
using CertGuard.Web.Tests.Import;
using CertGuard.Web.Tests.Verification;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Employers;

/// <summary>
/// This part: registration and the city office's approval; the offices' view of the rate (below 100 % first, only
/// their own city; the province by city); rectification from the employer's report to the office's confirmation,
/// overdue flags and the one-step inspection lead; review reminders of the roster's workers.
/// </summary>
public abstract partial class EmployerSelfCheckTests
{
    private static readonly string[] UnknownItem = ["99.9"];
    private static readonly string[] LowVoltage = ["1.2"];

    [Fact]
    public async Task Self_registration_checks_the_credit_code_and_waits_for_its_city_office()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var code = RosterArrangement.NewCreditCode();
        var wrong = code[..17] + (code[17] == 'A' ? 'B' : 'A');
        var userName = $"self.{code[^6..].ToLowerInvariant()}";
        async Task<HttpResponseMessage> RegisterAsync(string credit)
        {
            var page = await anonymous.GetStringAsync("/employers/register");
            return await anonymous.PostAsync("/employers/register", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = $"自助注册{code[^4..]}有限公司", ["CreditCode"] = credit, ["City"] = RosterArrangement.Guangzhou, ["Industry"] = "制造",
                ["ContactName"] = "林经理", ["ContactPhone"] = "13800138000", ["UserName"] = userName, ["Password"] = "Self-Register-2026!",
                ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page),
            }));
        }

        var refused = await RegisterAsync(wrong);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-code=\"EMPLOYER-USCC\"", await refused.Content.ReadAsStringAsync());
        var accepted = await RegisterAsync(code.ToLowerInvariant());
        Assert.Contains("data-testid=\"register-done\"", await accepted.Content.ReadAsStringAsync());
        var locked = await CertGuardApp.PostSignInAsync(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }), userName, "Self-Register-2026!");
        Assert.NotEqual(HttpStatusCode.Redirect, locked.StatusCode);
        // Told what is going on (awaiting the city office), not "wrong password" or "locked": but only with the right password.
        var awaiting = await locked.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"sign-in-awaiting-approval\"", awaiting);
        Assert.Contains("等待所在地市安委办审核", awaiting);
        var wrongPassword = await CertGuardApp.PostSignInAsync(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }), userName, "Wrong-Password-2026!");
        Assert.DoesNotContain("sign-in-awaiting-approval", await wrongPassword.Content.ReadAsStringAsync());

        var office = app.ApiClient(Role.CityOffice.Id);
        var pending = await office.GetFromJsonAsync<JsonElement>("/api/v1/employers/pending");
        var id = pending.EnumerateArray().Single(e => e.GetProperty("creditCode").GetString() == code).GetProperty("id").GetGuid();
        var shenzhen = await app.ShenzhenCityOfficeAsync();
        await (await shenzhen.PostAsync($"/api/v1/employers/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound, "EMPLOYER-NOT-PENDING");
        await (await app.ApiClient(Role.ProvinceOffice.Id).PostAsync($"/api/v1/employers/{id}/approve", null))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "EMPLOYER-CITY-OFFICE-ONLY");

        var approved = await office.PostAsync($"/api/v1/employers/{id}/approve", null);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approval").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await CertGuardApp.PostSignInAsync(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }), userName, "Self-Register-2026!")).StatusCode);
        var again = await office.PostAsJsonAsync("/api/v1/employers", new { name = "重复", creditCode = code, city = RosterArrangement.Guangzhou, industry = "制造",
            contactName = "林", contactPhone = "13800138000", userName = "dup.user", password = "Self-Register-2026!" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "EMPLOYER-USCC-TAKEN");
    }

    [Fact]
    public async Task The_city_office_lists_its_employers_below_100_first_and_the_province_sees_each_city()
    {
        var failing = await app.NewEmployerAsync(name: "甲未达标测试有限公司");
        var compliant = await app.NewEmployerAsync(name: "乙已达标测试有限公司");
        var elsewhere = await app.NewEmployerAsync(RosterArrangement.Shenzhen, "丙深圳测试有限公司");
        var good = await app.IssueAsync(3, "1.1");
        await compliant.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, .. good.Select(c => RosterArrangement.Line(c))]));
        await failing.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(good[0]), $"无证,{app.NewHolder().Value},"]));
        await elsewhere.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(good[1])]));

        var office = app.ApiClient(Role.CityOffice.Id);
        var list = (await office.GetFromJsonAsync<JsonElement>("/api/v1/compliance/employers")).EnumerateArray().ToList();
        var ids = list.Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(elsewhere.Id, ids);
        Assert.True(ids.IndexOf(failing.Id) < ids.IndexOf(compliant.Id));
        var ranks = list.Select(e => e.GetProperty("rate") is { ValueKind: JsonValueKind.Number } r ? r.GetDecimal() < 100 ? 0 : 2 : 1).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(50m, list.Single(e => e.GetProperty("id").GetGuid() == failing.Id).GetProperty("rate").GetDecimal());
        var byName = (await office.GetFromJsonAsync<JsonElement>("/api/v1/compliance/employers?sort=name")).EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
        Assert.Equal(byName.Order(StringComparer.Ordinal), byName);
        await (await office.GetAsync($"/api/v1/compliance/employers/{elsewhere.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "EMPLOYER-NOT-FOUND");
        await (await office.GetAsync("/api/v1/compliance/cities")).AssertProblemAsync(HttpStatusCode.Forbidden, "COMPLIANCE-PROVINCE-ONLY");
        await (await failing.Api.GetAsync("/api/v1/compliance/employers")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var html = await (await app.SignedInClientAsync(Role.CityOffice.Id)).GetStringAsync("/employers");
        Assert.True(html.IndexOf(failing.Name, StringComparison.Ordinal) < html.IndexOf(compliant.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(elsewhere.Name, html);

        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var cities = (await province.GetFromJsonAsync<JsonElement>("/api/v1/compliance/cities")).EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(21, cities.Count);
        Assert.True(cities[RosterArrangement.Shenzhen].GetProperty("checked").GetInt32() >= 1);
        Assert.True(cities[RosterArrangement.Guangzhou].GetProperty("workers").GetInt32() >= 5);
        var shenzhenList = await province.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/employers?city={RosterArrangement.Shenzhen}");
        Assert.Contains(elsewhere.Id, shenzhenList.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        await (await province.PostAsync($"/api/v1/employers/{Guid.NewGuid()}/approve", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "EMPLOYER-CITY-OFFICE-ONLY");
    }

    [Fact]
    public async Task Rectification_runs_from_the_employers_report_to_the_city_offices_confirmation()
    {
        var employer = await app.NewEmployerAsync();
        var other = await app.NewEmployerAsync();
        var expired = await app.IssueOneAsync("1.1", yearsAgo: 6.5);
        var fake = app.NewHolder().Value;
        await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(expired), $"假证,{fake},"]));
        var items = (await employer.Api.GetFromJsonAsync<JsonElement>("/api/v1/rectifications")).EnumerateArray().ToDictionary(i => i.GetProperty("verdict").GetString()!);
        var (stop, report) = (items["expired"], items["not-found"]);
        Assert.Equal(("stop-work", "report-suspected-fake"), (stop.GetProperty("requiredAction").GetString(), report.GetProperty("requiredAction").GetString()));
        Assert.Equal(app.Today().AddDays(30), DateOnly.Parse(stop.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var stopId = stop.GetProperty("id").GetGuid();
        Assert.Empty((await other.Api.GetFromJsonAsync<JsonElement>("/api/v1/rectifications")).EnumerateArray());
        await (await other.Api.PostAsJsonAsync($"/api/v1/rectifications/{stopId}/report", new { text = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "RECTIFY-NOT-FOUND");

        var office = app.ApiClient(Role.CityOffice.Id);
        await (await office.PostAsJsonAsync($"/api/v1/rectifications/{stopId}/confirm", new { text = "" })).AssertProblemAsync(HttpStatusCode.Conflict, "RECTIFY-STATE");
        await (await employer.Api.PostAsJsonAsync($"/api/v1/rectifications/{stopId}/report", new { text = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "RECTIFY-ACTION-REQUIRED");
        Assert.Equal(HttpStatusCode.OK, (await employer.Api.PostAsJsonAsync($"/api/v1/rectifications/{stopId}/report", new { text = "已停止其作业" })).StatusCode);
        var returned = await office.PostAsJsonAsync($"/api/v1/rectifications/{stopId}/return", new { text = "请补充复训安排" });
        Assert.Equal("returned", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await employer.Api.PostAsJsonAsync($"/api/v1/rectifications/{stopId}/report", new { text = "已停止作业，已报名6月复训" })).StatusCode);
        await (await (await app.ShenzhenCityOfficeAsync()).PostAsJsonAsync($"/api/v1/rectifications/{stopId}/confirm", new { text = "" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "RECTIFY-NOT-FOUND");
        await (await app.ApiClient(Role.ProvinceOffice.Id).PostAsJsonAsync($"/api/v1/rectifications/{stopId}/confirm", new { text = "" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "RECTIFY-NOT-FOUND");
        var confirmed = await office.PostAsJsonAsync($"/api/v1/rectifications/{stopId}/confirm", new { text = "同意" });
        Assert.Equal("confirmed", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var reportId = report.GetProperty("id").GetGuid();
        await (await employer.Api.PostAsync($"/api/v1/rectifications/{stopId}/lead", null)).AssertProblemAsync(HttpStatusCode.Conflict, "RECTIFY-NOT-FAKE");
        var lead = await employer.Api.PostAsync($"/api/v1/rectifications/{reportId}/lead", null);
        Assert.Equal(HttpStatusCode.Created, lead.StatusCode);
        var leadId = (await lead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        await (await office.PostAsync($"/api/v1/rectifications/{reportId}/lead", null)).AssertProblemAsync(HttpStatusCode.Conflict, "RECTIFY-LEAD-EXISTS");
        var leads = await office.GetFromJsonAsync<JsonElement>("/api/v1/leads");
        var raised = leads.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == leadId);
        Assert.Contains(employer.Name, raised.GetProperty("summary").GetString());
        Assert.DoesNotContain(fake, raised.GetProperty("summary").GetString());

        await using (var db = app.SystemDb())
        {
            await db.Set<RectificationItem>().Where(i => i.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Deadline, app.Today().AddDays(-1)));
        }
        var overdue = (await office.GetFromJsonAsync<JsonElement>($"/api/v1/rectifications?overdue=true&employer={employer.Id}")).EnumerateArray().ToList();
        Assert.Equal(reportId, Assert.Single(overdue).GetProperty("id").GetGuid());
        Assert.True(overdue[0].GetProperty("overdue").GetBoolean());
        var line = (await office.GetFromJsonAsync<JsonElement>("/api/v1/compliance/employers")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == employer.Id);
        Assert.Equal((1, 1), (line.GetProperty("openItems").GetInt32(), line.GetProperty("overdueItems").GetInt32()));
        var page = await (await app.SignedInClientAsync(Role.CityOffice.Id)).GetStringAsync($"/rectifications?employer={employer.Id}");
        Assert.Contains("data-testid=\"rectify-overdue\"", page);
    }

    [Fact]
    public async Task Positions_are_checked_and_reminders_list_the_rosters_reviews_due_within_60_days()
    {
        var employer = await app.NewEmployerAsync();
        var refused = await employer.Api.PostAsJsonAsync("/api/v1/positions", new { name = "电工", items = UnknownItem });
        await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "POSITION-ITEM-UNKNOWN");
        await employer.DefineAsync("电工", "1.1");
        await (await employer.Api.PostAsJsonAsync("/api/v1/positions", new { name = " 电工 ", items = LowVoltage })).AssertProblemAsync(HttpStatusCode.Conflict, "POSITION-NAME-TAKEN");

        var soon = await app.IssueOneAsync("1.1", yearsAgo: 3 - 30 / 365.25);
        var later = await app.IssueOneAsync("1.1", yearsAgo: 3 - 120 / 365.25);
        await employer.CheckAsync(ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(soon, "电工"), RosterArrangement.Line(later, "电工")]));

        var reminders = (await employer.Api.GetFromJsonAsync<JsonElement>("/api/v1/roster/reminders")).EnumerateArray().ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(soon.HolderName, reminder.GetProperty("workerName").GetString());
        Assert.InRange(reminder.GetProperty("daysLeft").GetInt32(), 28, 32);
        Assert.DoesNotContain(soon.Number, reminder.GetProperty("maskedNumber").GetString());
        var page = await (await app.SignedInClientAsync(employer.UserName, employer.Password)).GetStringAsync("/roster");
        Assert.Contains("data-testid=\"roster-reminders\"", page);
    }
}
