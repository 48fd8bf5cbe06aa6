using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Data.Accounts;
using CertGuard.Data.Enforcement;
using CertGuard.Testing;
using CertGuard.Web.Tests.Employers;
using CertGuard.Web.Tests.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Enforcement;

/// <summary>
/// The city's lead inbox: scope (another city's inspector sees nothing), who works and who only reads, the enforcement
/// lead's approval of "no action", every disposition, police leads, one lead per source record, stale versions.
/// </summary>
public abstract class LeadsTests(CertGuardApp app)
{
    private const string Guangzhou = "440100";
    private const string Shenzhen = "440300";

    [Fact]
    public async Task A_lead_from_an_inspection_finding_links_back_to_its_inspection_record_in_scope()
    {
        Guid leadId, findingId, inspectionId;
        await using (var db = app.SystemDb())
        {
            var lead = await db.InspectionLeads.AsNoTracking()
                .Where(l => l.RegionCode == Guangzhou && l.Source == LeadSources.Inspection && l.SourceId != null)
                .OrderBy(l => l.RaisedAt).FirstAsync();
            (leadId, findingId) = (lead.Id, lead.SourceId!.Value);
            inspectionId = await db.Set<Core.Inspections.InspectionFinding>().AsNoTracking()
                .Where(f => f.Id == findingId).Select(f => f.InspectionId).SingleAsync();
        }
        var inspector = await app.SignedInClientAsync(Role.Inspector.Id);

        Assert.Contains($"href=\"/inspections/findings/{findingId}\"", await inspector.GetStringAsync($"/leads/{leadId}"));
        var link = await inspector.GetAsync($"/inspections/findings/{findingId}");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal($"/inspections/{inspectionId}", link.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/inspections/{inspectionId}")).StatusCode);

        // A finding the viewer cannot see (or none) leads nowhere.
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/inspections/findings/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Another_citys_inspector_finds_nothing_and_readers_cannot_act()
    {
        var id = await NewLeadAsync();
        var refer = new { department = "police", note = "移交" };

        var shenzhen = await ShenzhenInspectorAsync();
        await (await shenzhen.GetAsync($"/api/v1/leads/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "LEAD-NOT-FOUND");
        await (await shenzhen.PostAsJsonAsync($"/api/v1/leads/{id}/referral", refer)).AssertProblemAsync(HttpStatusCode.NotFound, "LEAD-NOT-FOUND");
        var theirs = await shenzhen.GetFromJsonAsync<JsonElement>("/api/v1/leads?status=all");
        Assert.DoesNotContain(Items(theirs), l => l.GetProperty("id").GetGuid() == id);
        Assert.All(Items(theirs), l => Assert.Equal(Shenzhen, l.GetProperty("regionCode").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await shenzhen.GetAsync($"/leads/{id}")).StatusCode);

        var shenzhenSummary = (await shenzhen.GetFromJsonAsync<JsonElement>("/api/v1/leads/summary")).EnumerateArray().ToList();
        Assert.All(shenzhenSummary, c => Assert.Equal(Shenzhen, c.GetProperty("regionCode").GetString()));

        var province = app.ApiClient(Role.ProvinceOffice.Id);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/leads/{id}")).StatusCode);
        // The province reads every city: the summary per city, and one city's list on request.
        var cities = (await province.GetFromJsonAsync<JsonElement>("/api/v1/leads/summary")).EnumerateArray().Select(c => c.GetProperty("regionCode").GetString()).ToList();
        Assert.Contains(Guangzhou, cities);
        Assert.Contains(Shenzhen, cities);
        Assert.All(Items(await province.GetFromJsonAsync<JsonElement>($"/api/v1/leads?city={Shenzhen}")), l => Assert.Equal(Shenzhen, l.GetProperty("regionCode").GetString()));
        Assert.Contains("data-testid=\"leads-summary\"", await (await app.SignedInClientAsync(Role.ProvinceOffice.Id)).GetStringAsync("/leads"));
        await (await province.PostAsJsonAsync($"/api/v1/leads/{id}/referral", refer)).AssertProblemAsync(HttpStatusCode.Forbidden, "LEAD-READ-ONLY");
        var office = app.ApiClient(Role.CityOffice.Id);
        Assert.Contains(Items(await office.GetFromJsonAsync<JsonElement>("/api/v1/leads")), l => l.GetProperty("id").GetGuid() == id);
        await (await office.PostAsJsonAsync($"/api/v1/leads/{id}/no-action", new { reason = "无" })).AssertProblemAsync(HttpStatusCode.Forbidden, "LEAD-READ-ONLY");

        // Departments read only what is referred to them; organisations and registry clerks not at all.
        await (await app.ApiClient(Role.Police.Id).GetAsync($"/api/v1/leads/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "LEAD-NOT-FOUND");
        await (await app.ApiClient(Role.Employer.Id).GetAsync("/api/v1/leads")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await app.ApiClient(Role.IssuingAuthority.Id).GetAsync($"/api/v1/leads/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var still = await app.ApiClient(Role.Inspector.Id).GetFromJsonAsync<JsonElement>($"/api/v1/leads/{id}");
        Assert.Equal("Open", still.GetProperty("lead").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_inspector_proposes_no_action_and_only_the_enforcement_lead_decides()
    {
        var id = await NewLeadAsync();
        var inspector = app.ApiClient(Role.Inspector.Id);
        var head = app.ApiClient(Role.EnforcementLead.Id);

        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{id}/no-action", new { reason = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "LEAD-REASON-REQUIRED");
        await (await head.PostAsJsonAsync($"/api/v1/leads/{id}/no-action/approval", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "LEAD-NOT-AWAITING");
        var proposed = await Body(await inspector.PostAsJsonAsync($"/api/v1/leads/{id}/no-action", new { reason = "持证人本人，查验时间未重叠" }));
        Assert.Equal("AwaitingApproval", proposed.GetProperty("status").GetString());

        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{id}/no-action/approval", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "LEAD-APPROVER-ONLY");
        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{id}/referral", new { department = "police", note = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "LEAD-CLOSED");

        var rejected = await Body(await head.PostAsJsonAsync($"/api/v1/leads/{id}/no-action/rejection", new { }));
        Assert.Equal("Open", rejected.GetProperty("status").GetString());
        await Body(await inspector.PostAsJsonAsync($"/api/v1/leads/{id}/no-action", new { reason = "经电话核实，单位录入错误" }));
        var approved = await Body(await head.PostAsJsonAsync($"/api/v1/leads/{id}/no-action/approval", new { }));
        Assert.Equal(("Closed", "NoAction", "经电话核实，单位录入错误"),
            (approved.GetProperty("status").GetString(), approved.GetProperty("disposition").GetString(), approved.GetProperty("dispositionNote").GetString()));
        Assert.Equal(app.Account(Role.EnforcementLead.Id).UserName, approved.GetProperty("closedBy").GetString());

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.CountAsync(e => e.EntityType == nameof(InspectionLead) && e.EntityId == id.ToString() && e.Action == "update") >= 4);
    }

    [Fact]
    public async Task A_lead_is_referred_merged_or_closed_by_a_case_and_then_stays_closed()
    {
        var inspector = app.ApiClient(Role.Inspector.Id);
        var referred = await NewLeadAsync();
        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{referred}/referral", new { department = "tax", note = "x" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "LEAD-DEPARTMENT");
        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{referred}/referral", new { department = "police", note = "" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "LEAD-REASON-REQUIRED");
        var view = await Body(await inspector.PostAsJsonAsync($"/api/v1/leads/{referred}/referral", new { department = "police", note = "涉嫌伪造国家机关证件" }));
        Assert.Equal(("Referred", "police"), (view.GetProperty("disposition").GetString(), view.GetProperty("referredTo").GetString()));
        // The police now read it; market regulation does not.
        Assert.Contains(Items(await app.ApiClient(Role.Police.Id).GetFromJsonAsync<JsonElement>("/api/v1/leads?status=all")), l => l.GetProperty("id").GetGuid() == referred);
        await (await app.ApiClient(Role.MarketRegulation.Id).GetAsync($"/api/v1/leads/{referred}")).AssertProblemAsync(HttpStatusCode.NotFound, "LEAD-NOT-FOUND");

        var merged = await NewLeadAsync();
        var target = await NewLeadAsync();
        var elsewhere = await NewLeadAsync(Shenzhen);
        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{merged}/merge", new { into = elsewhere })).AssertProblemAsync(HttpStatusCode.Conflict, "LEAD-MERGE-TARGET");
        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{merged}/merge", new { into = referred })).AssertProblemAsync(HttpStatusCode.Conflict, "LEAD-MERGE-TARGET");
        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{merged}/merge", new { into = merged })).AssertProblemAsync(HttpStatusCode.Conflict, "LEAD-MERGE-TARGET");
        var m = await Body(await inspector.PostAsJsonAsync($"/api/v1/leads/{merged}/merge", new { into = target }));
        Assert.Equal(("Merged", target), (m.GetProperty("disposition").GetString(), m.GetProperty("mergedIntoId").GetGuid()));
        var targetDetail = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{target}");
        Assert.Equal(merged, Assert.Single(targetDetail.GetProperty("mergedFrom").EnumerateArray()).GetProperty("id").GetGuid());

        // The cases module closes a lead when it opens a case from it.
        var caseId = Guid.NewGuid();
        await using (var db = app.SystemDb())
        {
            var lead = await db.InspectionLeads.SingleAsync(l => l.Id == target);
            lead.OpenCase(caseId, "gz.inspector", app.Clock().GetUtcNow());
            await db.SaveChangesAsync();
        }
        var closed = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{target}");
        Assert.Equal(("CaseOpened", caseId), (closed.GetProperty("lead").GetProperty("disposition").GetString(), closed.GetProperty("lead").GetProperty("caseId").GetGuid()));
        await (await inspector.PostAsJsonAsync($"/api/v1/leads/{target}/no-action", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "LEAD-CLOSED");
        var page = await (await app.SignedInClientAsync(Role.Inspector.Id)).GetStringAsync($"/leads/{target}");
        Assert.Contains($"href=\"/cases/{caseId}\"", page);
        Assert.DoesNotContain("data-testid=\"lead-open-case\"", page);

        var open = Items(await inspector.GetFromJsonAsync<JsonElement>("/api/v1/leads")).Select(l => l.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(referred, open);
        Assert.DoesNotContain(merged, open);
        Assert.DoesNotContain(target, open);
    }

    [Fact]
    public async Task The_police_pass_a_lead_that_lands_in_the_citys_inbox_once()
    {
        var police = app.ApiClient(Role.Police.Id);
        var employer = await app.OrganisationAsync(Role.Employer.Id);
        var certificate = await app.FreshCertificateAsync();
        var record = Guid.NewGuid();
        var body = new { summary = "查获的账本显示该单位一名焊工购买了假证", certificateNumber = certificate.Number, organisationId = employer, sourceId = record };

        await (await police.PostAsJsonAsync("/api/v1/leads", new { summary = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "LEAD-SUMMARY-REQUIRED");
        var shenzhenEmployer = await app.OrganisationAsync(Role.Employer.Id, city: Shenzhen);
        await (await police.PostAsJsonAsync("/api/v1/leads", new { summary = "x", organisationId = shenzhenEmployer })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "LEAD-EMPLOYER-UNKNOWN");
        await (await app.ApiClient(Role.Inspector.Id).PostAsJsonAsync("/api/v1/leads", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var created = await police.PostAsJsonAsync("/api/v1/leads", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lead = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = lead.GetProperty("id").GetGuid();
        Assert.Equal(("police", Guangzhou), (lead.GetProperty("source").GetString(), lead.GetProperty("regionCode").GetString()));
        var linked = lead.GetProperty("certificateId").GetGuid();
        await using (var system = app.SystemDb())
            Assert.Equal(certificate.Number, await system.Certificates.Where(c => c.Id == linked).Select(c => c.Number).SingleAsync());

        var again = await police.PostAsJsonAsync("/api/v1/leads", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        var inbox = Items(await app.ApiClient(Role.Inspector.Id).GetFromJsonAsync<JsonElement>("/api/v1/leads?source=police"));
        Assert.Single(inbox, l => l.GetProperty("id").GetGuid() == id);
        Assert.All(inbox, l => Assert.Equal("police", l.GetProperty("source").GetString()));
        // The inspector's detail shows the full number (an audited read); the police follow what they passed on.
        var detail = await app.ApiClient(Role.Inspector.Id).GetFromJsonAsync<JsonElement>($"/api/v1/leads/{id}");
        Assert.Equal(certificate.Number, detail.GetProperty("lead").GetProperty("certificateNumber").GetString());
        Assert.Contains(Items(await police.GetFromJsonAsync<JsonElement>("/api/v1/leads")), l => l.GetProperty("id").GetGuid() == id);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(InspectionLead) && e.EntityId == id.ToString() && e.Action == "read"));
    }

    [Fact]
    public async Task The_police_form_passes_a_lead()
    {
        var police = await app.SignedInClientAsync(Role.Police.Id);
        var html = await police.GetStringAsync("/leads/police");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Summary"] = "表单移交：某工地一名架子工持假证", ["CertificateNumber"] = "", ["OrganisationId"] = "",
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(html),
        });
        var posted = await police.PostAsync("/leads/police", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await police.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("表单移交：某工地一名架子工持假证", page);
        var inbox = await (await app.SignedInClientAsync(Role.Inspector.Id)).GetStringAsync("/leads?source=police");
        Assert.Contains("表单移交：某工地一名架子工持假证", inbox);
        var denied = await (await app.SignedInClientAsync(Role.Inspector.Id)).GetAsync("/leads/police");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_blocked_review_check_raises_one_lead_for_the_institutions_city()
    {
        var institution = app.ApiClient(Role.TrainingInstitution.Id);
        var number = app.NewHolder().Value;
        for (var i = 0; i < 2; i++)
        {
            var response = await institution.PostAsJsonAsync("/api/v1/institutions/review-checks", new { number, name = "吴九", itemCode = "1.1" });
            Assert.True((await Body(response)).GetProperty("blocked").GetBoolean());
        }

        await using var db = app.SystemDb();
        var leads = await db.InspectionLeads.Where(l => l.Source == LeadSources.ReviewCheck && l.CertificateNumber == number).ToListAsync();
        var lead = Assert.Single(leads);
        Assert.Equal(Guangzhou, lead.RegionCode);
        Assert.DoesNotContain(number, lead.Summary);

        // Any module raising a lead for a source record that has one gets the first back.
        var sourceId = Guid.NewGuid();
        var (first, raised) = await db.RaiseOnceAsync(new InspectionLead(Guangzhou, LeadSources.Tip, "举报", "job", app.Clock().GetUtcNow()) { SourceId = sourceId }, CancellationToken.None);
        await db.SaveChangesAsync();
        var (second, again) = await db.RaiseOnceAsync(new InspectionLead(Guangzhou, LeadSources.Tip, "举报", "job", app.Clock().GetUtcNow()) { SourceId = sourceId }, CancellationToken.None);
        Assert.Equal((true, false, first.Id), (raised, again, second.Id));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409()
    {
        var id = await NewLeadAsync();
        var inspector = app.ApiClient(Role.Inspector.Id);
        var get = await inspector.GetAsync($"/api/v1/leads/{id}");
        Assert.Equal("\"0\"", get.Headers.ETag!.Tag);

        var propose = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{id}/no-action") { Content = JsonContent.Create(new { reason = "核实无误" }) };
        propose.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.OK, (await inspector.SendAsync(propose)).StatusCode);

        // A second officer still holding version 0.
        var problem = await (await app.ApiClient(Role.EnforcementLead.Id).PostAsJsonAsync($"/api/v1/leads/{id}/no-action/approval", new { version = 0 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "LEAD-STALE");
        Assert.Contains("1", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(Role.EnforcementLead.Id).PostAsJsonAsync($"/api/v1/leads/{id}/no-action/rejection", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task The_inbox_shows_open_leads_first_and_an_inspector_and_the_lead_decide_on_its_page()
    {
        var id = await NewLeadAsync(summary: "页面测试：一证多单位使用");
        var inspector = await app.SignedInClientAsync(Role.Inspector.Id);
        var inbox = await inspector.GetStringAsync("/leads?q=" + Uri.EscapeDataString("页面测试"));
        Assert.Contains($"href=\"/leads/{id}\"", inbox);
        // The demo city's inbox has work from every source.
        var all = await app.ApiClient(Role.Inspector.Id).GetFromJsonAsync<JsonElement>("/api/v1/leads?status=all");
        Assert.Equal(LeadSources.All.Order(), Items(all).Select(l => l.GetProperty("source").GetString()!).Distinct().Order());
        await (await app.ApiClient(Role.Inspector.Id).GetAsync("/api/v1/leads?status=later")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "LEAD-FILTER");

        var html = await inspector.GetStringAsync($"/leads/{id}");
        Assert.Contains($"href=\"/cases/new?leadId={id}\"", html);
        var posted = await inspector.PostAsync($"/leads/{id}?handler=propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "经核实无违法行为", ["version"] = "0", ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("data-testid=\"lead-approve\"", await inspector.GetStringAsync($"/leads/{id}"));

        var head = await app.SignedInClientAsync(Role.EnforcementLead.Id);
        var decide = await head.GetStringAsync($"/leads/{id}");
        Assert.Contains("data-testid=\"lead-approve\"", decide);
        // A stale form (version 0) is refused with 409 and the page says so.
        var stale = await head.PostAsync($"/leads/{id}?handler=approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = "0", ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(decide),
        }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("data-testid=\"lead-error\"", await stale.Content.ReadAsStringAsync());
        var approved = await head.PostAsync($"/leads/{id}?handler=approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = "1", ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(decide),
        }));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("data-disposition=\"NoAction\"", await head.GetStringAsync($"/leads/{id}"));
    }

    private async Task<Guid> NewLeadAsync(string city = Guangzhou, string summary = "测试线索：疑似转借证书")
    {
        await using var db = app.SystemDb();
        var lead = new InspectionLead(city, LeadSources.Signal, summary, "test", app.Clock().GetUtcNow()) { SourceId = Guid.NewGuid() };
        db.InspectionLeads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    }

    private async Task<HttpClient> ShenzhenInspectorAsync()
    {
        const string userName = "sz.inspector.leads";
        const string password = "Shenzhen-Inspector-2026!";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var bureau = await app.OrganisationAsync(Role.IssuingAuthority.Id, city: Shenzhen);
                var account = new Account { UserName = userName, DisplayName = "深圳市应急管理局 执法人员", RoleId = Role.Inspector.Id, RegionCode = Shenzhen, OrganisationId = bureau };
                Assert.True((await users.CreateAsync(account, password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(account, Role.Inspector.Id)).Succeeded);
            }
        }
        return await app.SignedInClientAsync(userName, password);
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteLeadsTests(SqliteApp app) : LeadsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLeadsTests(PostgresApp app) : LeadsTests(app), IClassFixture<PostgresApp>;
