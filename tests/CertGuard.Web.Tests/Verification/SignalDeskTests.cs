using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Verification;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Verification;

/// <summary>The city office works its queue: dismiss with a reason, or turn into a lead; nobody else acts on it.</summary>
public abstract class SignalDeskTests(CertGuardApp app)
{
    [Fact]
    public async Task Dismissing_needs_a_reason_and_is_recorded_once()
    {
        var id = await OpenSignalAsync();
        var office = app.ApiClient(Role.CityOffice.Id);

        var blank = await office.PostAsJsonAsync($"/api/v1/signals/{id}/dismissal", new { reason = "  " });
        var problem = await blank.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SIGNAL-REASON-REQUIRED");
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));

        var dismissed = await office.PostAsJsonAsync($"/api/v1/signals/{id}/dismissal", new { reason = "持证人本人输错姓名，已电话核实" });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var view = await dismissed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dismissed", view.GetProperty("state").GetString());
        Assert.Equal("持证人本人输错姓名，已电话核实", view.GetProperty("resolutionReason").GetString());

        var again = await office.PostAsJsonAsync($"/api/v1/signals/{id}/lead", new { note = "" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "SIGNAL-RESOLVED");

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Signal) && e.EntityId == id.ToString() && e.Action == "update"));
    }

    [Fact]
    public async Task Turning_a_signal_into_a_lead_hands_it_to_enforcement_in_one_step()
    {
        var id = await OpenSignalAsync();
        var office = app.ApiClient(Role.CityOffice.Id);

        var response = await office.PostAsJsonAsync($"/api/v1/signals/{id}/lead", new { note = "请执法支队到两家单位核查" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Lead", view.GetProperty("state").GetString());
        var leadId = view.GetProperty("leadId").GetGuid();

        var leads = await office.GetFromJsonAsync<JsonElement>("/api/v1/leads");
        var lead = leads.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == leadId);
        Assert.Equal(id, lead.GetProperty("signalId").GetGuid());
        Assert.Equal(LogArrangement.Guangzhou, lead.GetProperty("regionCode").GetString());
        Assert.Contains("请执法支队到两家单位核查", lead.GetProperty("summary").GetString());
        Assert.Contains("姓名与证号不符", lead.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Other_cities_employers_and_the_province_cannot_act_on_a_citys_signal()
    {
        var id = await OpenSignalAsync();
        var body = new { reason = "无" };

        var shenzhen = await app.ShenzhenCityOfficeAsync();
        await (await shenzhen.PostAsJsonAsync($"/api/v1/signals/{id}/dismissal", body)).AssertProblemAsync(HttpStatusCode.NotFound, "SIGNAL-NOT-FOUND");
        await (await shenzhen.GetAsync($"/api/v1/signals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "SIGNAL-NOT-FOUND");

        var province = app.ApiClient(Role.ProvinceOffice.Id);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/signals/{id}")).StatusCode);
        await (await province.PostAsJsonAsync($"/api/v1/signals/{id}/dismissal", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "SIGNAL-OTHER-REGION");

        var employer = app.ApiClient(Role.Employer.Id);
        await (await employer.GetAsync("/api/v1/signals")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await employer.PostAsJsonAsync($"/api/v1/signals/{id}/dismissal", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var still = await app.ApiClient(Role.CityOffice.Id).GetFromJsonAsync<JsonElement>($"/api/v1/signals/{id}");
        Assert.Equal("Open", still.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_queue_page_explains_each_signal_and_dismisses_from_its_form()
    {
        var id = await OpenSignalAsync();
        var office = await app.SignedInClientAsync(Role.CityOffice.Id);

        var html = await office.GetStringAsync("/signals");
        Assert.Contains("姓名与证号不符", html);
        Assert.Contains("冒用", html);
        Assert.Contains("data-testid=\"signal-dismiss\"", html);

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "测试：重复线索", ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(html),
        });
        var posted = await office.PostAsync($"/signals?handler=dismiss&id={id}&state=Open", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var after = await app.ApiClient(Role.CityOffice.Id).GetFromJsonAsync<JsonElement>($"/api/v1/signals/{id}");
        Assert.Equal("Dismissed", after.GetProperty("state").GetString());
    }

    /// <summary>An open Guangzhou signal of this test's own: a name mismatch on a fresh certificate.</summary>
    private async Task<Guid> OpenSignalAsync()
    {
        var certificate = await app.FreshCertificateAsync();
        await app.RecordAsync(app.Check(VerificationChannel.PublicQuery, VerificationOutcome.NameMismatch, certificate.Number, certificate));
        await using var db = app.SystemDb();
        return await db.Signals.Where(s => s.CertificateId == certificate.Id && s.State == SignalState.Open).Select(s => s.Id).SingleAsync();
    }
}

public sealed class SqliteSignalDeskTests(SqliteApp app) : SignalDeskTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignalDeskTests(PostgresApp app) : SignalDeskTests(app), IClassFixture<PostgresApp>;
