using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using CertGuard.Testing;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Campaigns;

/// <summary>
/// The campaign's own work through the API: phases that close, plans that are late, returned and resubmitted, city
/// scope, supervision findings that become tasks and go overdue, and a circular drafted from the calculator's figures.
/// </summary>
public abstract class CampaignWorkTests(CampaignApp app)
{
    private const string Guangzhou = "440100";

    [Fact]
    public async Task A_plan_submitted_after_the_deadline_is_flagged_late_returned_with_a_reason_and_resubmitted()
    {
        var (id, _) = await NewCampaignAsync(planDueDaysAgo: 1);
        var city = app.ApiClient(Role.CityOffice.Id);
        var province = app.ApiClient(Role.ProvinceOffice.Id);

        var plan = await Json(await city.PutAsJsonAsync($"/api/v1/campaigns/{id}/plans/mine", new { text = "广州市实施方案：成立工作组，分四个阶段推进。" }));
        var planId = plan.GetProperty("id").GetGuid();
        var attach = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 plan"u8.ToArray()), "file", "方案.pdf" } };
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsync($"/api/v1/campaigns/plans/{planId}/attachments", attach)).StatusCode);
        var wrongType = new MultipartFormDataContent { { new ByteArrayContent("MZ not a document"u8.ToArray()), "file", "x.exe" } };
        await (await city.PostAsync($"/api/v1/campaigns/plans/{planId}/attachments", wrongType)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "PLAN-ATTACHMENT-TYPE");
        var version = (await Json(await city.GetAsync($"/api/v1/campaigns/plans/{planId}"))).GetProperty("version").GetInt32();

        var submitted = await Json(await city.PostAsJsonAsync($"/api/v1/campaigns/plans/{planId}/submission", new { version }));
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());
        Assert.True(submitted.GetProperty("late").GetBoolean());
        await (await city.PutAsJsonAsync($"/api/v1/campaigns/{id}/plans/mine", new { text = "改" })).AssertProblemAsync(HttpStatusCode.Conflict, "PLAN-FROZEN");

        // The province's view: 21 cities, Guangzhou's late, and 深圳 late too for never submitting (flagged by the deadline job).
        await using (var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(CertGuard.Web.Features.Statistics.ReportDeadlineJob.Actor))
            await scope.ServiceProvider.GetRequiredService<CertGuard.Data.Campaigns.PlanDeadlines>().RunAsync(CancellationToken.None);
        var rows = (await province.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/plans")).EnumerateArray().ToList();
        Assert.Equal(21, rows.Count);
        var gz = rows.Single(r => r.GetProperty("cityCode").GetString() == Guangzhou);
        Assert.True(gz.GetProperty("late").GetBoolean());
        Assert.Single(gz.GetProperty("attachments").EnumerateArray());
        Assert.True(rows.Single(r => r.GetProperty("cityCode").GetString() == "440300").GetProperty("late").GetBoolean());

        version = submitted.GetProperty("version").GetInt32();
        await (await province.PostAsJsonAsync($"/api/v1/campaigns/plans/{planId}/decision", new { accept = false, reason = " ", version }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "REPORT-RETURN-REASON");
        var returned = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/plans/{planId}/decision", new { accept = false, reason = "未明确公安、网信部门分工", version }));
        Assert.Equal("Returned", returned.GetProperty("state").GetString());
        Assert.Equal("未明确公安、网信部门分工", returned.GetProperty("returnReason").GetString());

        var corrected = await Json(await city.PutAsJsonAsync($"/api/v1/campaigns/{id}/plans/mine", new { text = "广州市实施方案（修改稿）：公安负责倒查渠道，网信负责封堵网站。" }));
        var resubmitted = await Json(await city.PostAsJsonAsync($"/api/v1/campaigns/plans/{planId}/submission", new { version = corrected.GetProperty("version").GetInt32() }));
        Assert.Equal("Submitted", resubmitted.GetProperty("state").GetString());
        Assert.True(resubmitted.GetProperty("late").GetBoolean());
        var accepted = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/plans/{planId}/decision", new { accept = true, version = resubmitted.GetProperty("version").GetInt32() }));
        Assert.Equal("Accepted", accepted.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_city_office_cannot_touch_another_citys_plan_and_only_the_province_sets_up_and_publishes()
    {
        var (id, _) = await NewCampaignAsync(planDueDaysAgo: -10);
        Guid shenzhenPlan;
        await using (var db = app.SystemDb())
        {
            var plan = new ImplementationPlan(id, "440300");
            plan.Write("深圳市实施方案");
            db.ImplementationPlans.Add(plan);
            await db.SaveChangesAsync();
            shenzhenPlan = plan.Id;
        }
        var city = app.ApiClient(Role.CityOffice.Id);

        await (await city.GetAsync($"/api/v1/campaigns/plans/{shenzhenPlan}")).AssertProblemAsync(HttpStatusCode.NotFound, "PLAN-NOT-FOUND");
        await (await city.PostAsJsonAsync($"/api/v1/campaigns/plans/{shenzhenPlan}/submission", new { version = 1 })).AssertProblemAsync(HttpStatusCode.NotFound, "PLAN-NOT-FOUND");
        var mine = (await city.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/plans")).EnumerateArray().ToList();
        Assert.Equal(Guangzhou, Assert.Single(mine).GetProperty("cityCode").GetString());
        Assert.False(mine[0].GetProperty("late").GetBoolean());

        await (await city.PostAsJsonAsync("/api/v1/campaigns", new { name = "市里自建", documentNumber = "穗安办〔2026〕1号", startsOn = "2026-01-01", endsOn = "2026-12-31" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await city.PostAsJsonAsync($"/api/v1/campaigns/{id}/circulars", new { month = "2026-01" })).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await city.PostAsJsonAsync($"/api/v1/campaigns/{id}/visits", new { cityCode = Guangzhou, startsOn = "2026-01-01", endsOn = "2026-01-02", members = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await app.ApiClient(Role.Employer.Id).GetAsync("/api/v1/campaigns")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await app.ApiClient(Role.ProvinceOffice.Id).PutAsJsonAsync($"/api/v1/campaigns/{id}/plans/mine", new { text = "省里不写市方案" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        // The working group's phones are masked for a city office.
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        Assert.Equal(HttpStatusCode.Created, (await province.PostAsJsonAsync($"/api/v1/campaigns/{id}/members", new { name = "测试成员", unit = "省安委办", post = "联络员", phone = "020-83135469" })).StatusCode);
        var seenByCity = await city.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}");
        Assert.Equal("020-****5469", seenByCity.GetProperty("workingGroup")[0].GetProperty("phone").GetString());
        var seenByProvince = await province.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}");
        Assert.Equal("020-83135469", seenByProvince.GetProperty("workingGroup")[0].GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_closed_phase_refuses_new_and_changed_tasks()
    {
        var (id, campaign) = await NewCampaignAsync(planDueDaysAgo: 1);
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var phases = campaign.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(["动员部署", "自查自纠", "集中整治", "总结巩固"], phases.Select(p => p.GetProperty("name").GetString()));
        var closed = phases.First(p => p.GetProperty("closed").GetBoolean());
        var open = phases.Last(p => !p.GetProperty("closed").GetBoolean());
        var today = app.Today();

        await (await province.PostAsJsonAsync($"/api/v1/campaigns/phases/{closed.GetProperty("id").GetGuid()}/tasks", new { department = "police", text = "倒查假证渠道", deadline = Date(today) }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CAMPAIGN-PHASE-CLOSED");
        var added = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/phases/{open.GetProperty("id").GetGuid()}/tasks", new { department = "cyberspace", text = "封堵假冒网站", deadline = Date(today.AddDays(5)) }));
        Assert.Equal("网信", added.GetProperty("departmentName").GetString());
        await (await province.PostAsJsonAsync($"/api/v1/campaigns/phases/{open.GetProperty("id").GetGuid()}/tasks", new { department = "nobody", text = "x", deadline = Date(today) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CAMPAIGN-DEPARTMENT");

        Guid oldTask;
        await using (var db = app.SystemDb())
        {
            var phase = await db.CampaignPhases.SingleAsync(p => p.Id == closed.GetProperty("id").GetGuid());
            var task = new CampaignTask(phase, "office", "制定实施方案", phase.EndsOn);
            db.CampaignTasks.Add(task);
            await db.SaveChangesAsync();
            oldTask = task.Id;
        }
        await (await province.PutAsJsonAsync($"/api/v1/campaigns/tasks/{oldTask}", new { department = "office", text = "改期", deadline = Date(today), version = 0 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CAMPAIGN-PHASE-CLOSED");
    }

    [Fact]
    public async Task A_supervision_finding_becomes_a_city_task_that_goes_overdue_until_reported_done()
    {
        var (id, _) = await NewCampaignAsync(planDueDaysAgo: 1);
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var city = app.ApiClient(Role.CityOffice.Id);
        var today = app.Today();

        var visit = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/{id}/visits",
            new { cityCode = Guangzhou, startsOn = Date(today.AddDays(-20)), endsOn = Date(today.AddDays(-19)), members = "陈某（省安委办）\n林某（省公安厅）" }));
        var visitId = visit.GetProperty("id").GetGuid();
        var recorded = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/visits/{visitId}/record", new
        {
            summary = "抽查3家企业，电工持证核验不到位",
            members = "陈某（省安委办）\n林某（省公安厅）",
            findings = new[]
            {
                new { finding = "完成2家施工企业电工持证核验", deadline = Date(today.AddDays(-1)) },
                new { finding = "复查涉事培训机构", deadline = Date(today.AddDays(10)) },
            },
            version = visit.GetProperty("version").GetInt32(),
        }));
        Assert.Equal(2, recorded.GetProperty("tasks").GetArrayLength());

        var overdue = (await city.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/supervision-tasks?overdue=true")).EnumerateArray().ToList();
        var late = Assert.Single(overdue);
        Assert.Equal("完成2家施工企业电工持证核验", late.GetProperty("finding").GetString());
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Equal(Guangzhou, late.GetProperty("cityCode").GetString());

        var done = await Json(await city.PostAsJsonAsync($"/api/v1/campaigns/supervision-tasks/{late.GetProperty("id").GetGuid()}/done",
            new { report = "已完成核验并建立台账", version = late.GetProperty("version").GetInt32() }));
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.True(done.GetProperty("doneLate").GetBoolean());
        Assert.False(done.GetProperty("overdue").GetBoolean());
        Assert.Empty((await city.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/supervision-tasks?overdue=true")).EnumerateArray());
        await (await city.PostAsJsonAsync($"/api/v1/campaigns/supervision-tasks/{late.GetProperty("id").GetGuid()}/done", new { report = "再报", version = done.GetProperty("version").GetInt32() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "VISIT-TASK-DONE");
    }

    [Fact]
    public async Task A_circular_for_a_month_ranks_cities_from_the_calculator_names_late_and_returned_reports_and_opens_as_docx()
    {
        var (id, _) = await NewCampaignAsync(planDueDaysAgo: 1);
        var month = new DateOnly(app.Today().Year, app.Today().Month, 1).AddMonths(-1);
        await using (var db = app.SystemDb())
        {
            var now = app.Clock().GetUtcNow();
            var late = new MonthlyReport(id, "440600", month, ChinaTime.StartOfDay(month));
            Assert.True(late.FlagIfOverdue(now));
            var returned = new MonthlyReport(id, "440400", month, ChinaTime.StartOfDay(month));
            returned.Submit("zh.office", ChinaTime.StartOfDay(month.AddDays(20)));
            returned.Return("第6项数据与附件不符", "province.office", ChinaTime.StartOfDay(month.AddDays(22)));
            var onTime = new MonthlyReport(id, "440300", month, ChinaTime.StartOfDay(month));
            onTime.Submit("sz.office", ChinaTime.StartOfDay(month.AddDays(20)));
            db.MonthlyReports.AddRange(late, returned, onTime);
            await db.SaveChangesAsync();
        }
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var city = app.ApiClient(Role.CityOffice.Id);

        var draft = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/{id}/circulars",
            new { month = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), rankBy = "6", goodPractice = "深圳市建立部门联合执法机制。" }));
        var body = draft.GetProperty("body").GetString()!;
        var lines = body.Split('\n');
        Assert.Contains("1. 深圳市：9本", lines);
        Assert.Contains("2. 佛山市：7本", lines);
        Assert.Contains("3. 广州市：4本", lines);
        Assert.Contains(lines, l => l.StartsWith("佛山市未按时报送", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("珠海市报送的月报", StringComparison.Ordinal) && l.Contains("退回", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("逾期", StringComparison.Ordinal) && l.Contains("深圳", StringComparison.Ordinal));
        Assert.Contains("深圳市建立部门联合执法机制。", lines);
        Assert.Contains(lines, l => l.StartsWith("全省", StringComparison.Ordinal) && l.Contains("其中假证20本", StringComparison.Ordinal));
        var circularId = draft.GetProperty("id").GetGuid();

        // A draft is the province's: a city neither lists nor opens it; publishing needs a number.
        Assert.Empty((await city.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/circulars")).EnumerateArray());
        await (await city.GetAsync($"/api/v1/campaigns/circulars/{circularId}")).AssertProblemAsync(HttpStatusCode.NotFound, "CIRCULAR-NOT-FOUND");
        await (await province.PostAsJsonAsync($"/api/v1/campaigns/circulars/{circularId}/publication", new { onPublicPage = false, version = draft.GetProperty("version").GetInt32() }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "CIRCULAR-NUMBER");
        var edited = await Json(await province.PutAsJsonAsync($"/api/v1/campaigns/circulars/{circularId}",
            new { title = draft.GetProperty("title").GetString(), number = "粤安办〔2026〕120号", body = body + "\n特此通报。", version = draft.GetProperty("version").GetInt32() }));
        Assert.DoesNotContain((await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/public/circulars")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == circularId);
        var published = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/circulars/{circularId}/publication", new { onPublicPage = true, version = edited.GetProperty("version").GetInt32() }));
        Assert.True(published.GetProperty("published").GetBoolean());
        Assert.Contains((await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/public/circulars")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == circularId);
        await (await city.PostAsJsonAsync($"/api/v1/campaigns/circulars/{circularId}/publication", new { onPublicPage = true, version = 0 })).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await province.PutAsJsonAsync($"/api/v1/campaigns/circulars/{circularId}", new { title = "改", number = "x", body = "x", version = published.GetProperty("version").GetInt32() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "CIRCULAR-PUBLISHED");
        Assert.Single((await city.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/circulars")).EnumerateArray());

        var page = await (await app.SignedInClientAsync(Role.CityOffice.Id)).GetStringAsync($"/campaigns/circulars/{circularId}");
        Assert.Contains("1. 深圳市：9本", page, StringComparison.Ordinal);
        Assert.Contains("official-document.css", page, StringComparison.Ordinal);

        var docx = await city.GetAsync($"/api/v1/campaigns/circulars/{circularId}?format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(draft.GetProperty("title").GetString(), paragraphs);
        Assert.Contains("粤安办〔2026〕120号", paragraphs);
        Assert.Contains("1. 深圳市：9本", paragraphs);
        Assert.Contains("特此通报。", paragraphs);
        Assert.Equal("粤安办〔2026〕120号", document.PackageProperties.Subject);
    }

    [Fact]
    public async Task A_circular_without_typical_cases_text_lists_those_published_in_its_period()
    {
        var (id, _) = await NewCampaignAsync(planDueDaysAgo: 1);
        var to = app.Today();
        var from = to.AddDays(-90);
        List<(string Title, DateTimeOffset? At)> published;
        await using (var db = app.SystemDb())
            published = (await db.TypicalCases.AsNoTracking().Where(t => t.State == Core.Enforcement.TypicalCases.TypicalCaseState.Published)
                .Select(t => new { t.Title, t.PublishedAt }).ToListAsync()).Select(t => (t.Title, t.PublishedAt)).ToList();
        Assert.NotEmpty(published);
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var draft = await Json(await province.PostAsJsonAsync($"/api/v1/campaigns/{id}/circulars",
            new { from = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rankBy = "6" }));
        var body = draft.GetProperty("body").GetString()!;
        foreach (var (title, at) in published)
        {
            if (at >= ChinaTime.StartOfDay(from)) Assert.Contains(title, body, StringComparison.Ordinal);
            else Assert.DoesNotContain(title, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_closing_summary_is_prefilled_from_the_campaigns_totals_and_submitted()
    {
        var (id, _) = await NewCampaignAsync(planDueDaysAgo: 1);
        var city = app.ApiClient(Role.CityOffice.Id);
        var mine = await Json(await city.GetAsync($"/api/v1/campaigns/{id}/summaries/mine"));
        Assert.Equal(Guangzhou, mine.GetProperty("cityCode").GetString());
        Assert.Contains("核验证书40本，其中假证4本", mine.GetProperty("text").GetString(), StringComparison.Ordinal);
        var submitted = await Json(await city.PostAsJsonAsync($"/api/v1/campaigns/{id}/summaries/mine/submission", new { version = mine.GetProperty("version").GetInt32() }));
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());
        Assert.False(submitted.GetProperty("late").GetBoolean());

        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var own = await Json(await province.GetAsync($"/api/v1/campaigns/{id}/summaries/mine"));
        Assert.Equal(CampaignSummary.ProvinceCode, own.GetProperty("cityCode").GetString());
        Assert.Contains("核验证书200本，其中假证20本", own.GetProperty("text").GetString(), StringComparison.Ordinal);
        var rows = (await province.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/summaries")).EnumerateArray().ToList();
        Assert.Equal(22, rows.Count);
        Assert.Equal("Submitted", rows.Single(r => r.GetProperty("cityCode").GetString() == Guangzhou).GetProperty("summary").GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_campaign_page_shows_phases_and_group_flags_late_plans_for_the_province_and_shows_a_city_its_own()
    {
        const string current = "/campaigns/0193a000-2026-7000-8000-000000000001";
        var province = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var html = await province.GetStringAsync(current);
        Assert.Contains("动员部署", html, StringComparison.Ordinal);
        Assert.Contains("总结巩固", html, StringComparison.Ordinal);
        Assert.Contains("020-83130001", html, StringComparison.Ordinal);
        Assert.Contains("data-city=\"440600\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"plan-late\"", html, StringComparison.Ordinal);
        Assert.Contains("data-nav=\"campaigns\" aria-current=\"page\"", (await province.GetStringAsync("/campaigns")), StringComparison.Ordinal);

        var city = await app.SignedInClientAsync(Role.CityOffice.Id);
        var cityHtml = await city.GetStringAsync(current);
        Assert.Contains("020-****0001", cityHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-city=\"440600\"", cityHtml, StringComparison.Ordinal);
        Assert.Contains("data-city=\"440100\"", cityHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"task-overdue\"", cityHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/campaigns/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_city_office_writes_and_submits_its_plan_on_the_page_and_the_province_returns_it_there()
    {
        var (id, _) = await NewCampaignAsync(planDueDaysAgo: 1);
        var page = $"/campaigns/{id}";
        var city = await app.SignedInClientAsync(Role.CityOffice.Id);
        var token = CertGuardApp.AntiforgeryToken(await city.GetStringAsync(page));

        var written = await city.PostAsync($"{page}?handler=plan", Form(token, ("Text", "广州市实施方案（页面填写）")));
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var api = app.ApiClient(Role.CityOffice.Id);
        var row = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/plans"))[0].GetProperty("plan");
        var submitted = await city.PostAsync($"{page}?handler=submitPlan",
            Form(token, ("TargetId", row.GetProperty("id").GetString()!), ("Version", row.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/plans/{row.GetProperty("id").GetString()}");
        Assert.Equal("Submitted", plan.GetProperty("state").GetString());
        Assert.True(plan.GetProperty("late").GetBoolean());

        // A refusal on the page: the status and the alert, not an error page.
        var again = await city.PostAsync($"{page}?handler=submitPlan",
            Form(token, ("TargetId", row.GetProperty("id").GetString()!), ("Version", plan.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("data-code=\"PLAN-FROZEN\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var province = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var provinceToken = CertGuardApp.AntiforgeryToken(await province.GetStringAsync(page));
        var returned = await province.PostAsync($"{page}?handler=decidePlan", Form(provinceToken, ("TargetId", row.GetProperty("id").GetString()!),
            ("Version", plan.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Accept", "false"), ("Reason", "请补充部门分工")));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal("Returned", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/plans/{row.GetProperty("id").GetString()}")).GetProperty("state").GetString());

        // The city cannot use the province's handlers.
        var forbidden = await city.PostAsync($"{page}?handler=decidePlan", Form(token, ("TargetId", row.GetProperty("id").GetString()!), ("Version", "0"), ("Accept", "true")));
        Assert.DoesNotContain(page, forbidden.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal("Returned", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/plans/{row.GetProperty("id").GetString()}")).GetProperty("state").GetString());
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));

    /// <summary>A campaign of the province office's around today (60 days either side), plans due some days ago.</summary>
    private async Task<(Guid Id, JsonElement View)> NewCampaignAsync(int planDueDaysAgo)
    {
        var province = app.ApiClient(Role.ProvinceOffice.Id);
        var today = app.Today();
        var created = await Json(await province.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = $"测试专项行动 {Guid.NewGuid():N}",
            documentNumber = "粤安办〔2026〕99号",
            startsOn = Date(today.AddDays(-60)),
            endsOn = Date(today.AddDays(60)),
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var deadlines = await province.PutAsJsonAsync($"/api/v1/campaigns/{id}/deadlines", new
        {
            planDueOn = Date(today.AddDays(-planDueDaysAgo)),
            summaryDueOn = Date(today.AddDays(30)),
            version = created.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, deadlines.StatusCode);
        return (id, await province.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}"));
    }

    /// <summary>The body of a success (200, or 201 for what creates); anything else fails with the problem shown.</summary>
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected is null ? response.IsSuccessStatusCode : response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteCampaignWorkTests(SqliteCampaignApp app) : CampaignWorkTests(app), IClassFixture<SqliteCampaignApp>;

public sealed class PostgresCampaignWorkTests(PostgresCampaignApp app) : CampaignWorkTests(app), IClassFixture<PostgresCampaignApp>;
