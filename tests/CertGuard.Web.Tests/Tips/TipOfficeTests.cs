using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Tips;
using CertGuard.Core.WebWatch;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Tips;
using CertGuard.Testing;
using CertGuard.Web.Tests.Enforcement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Tips;

/// <summary>
/// The office's forms beyond the queue: calls recorded as tips, routing by the province office, duplicates merged, the
/// check extended with approval; a fake-website tip becoming a web-watch suspect whose outcome the tip follows; the
/// reward officer's queue; the statistics figures 43–45 equal to their drill-down records.
/// </summary>
public abstract class TipOfficeTests(CertGuardApp app)
{
    [Fact]
    public async Task A_12350_call_is_recorded_on_the_office_page_and_a_110_tip_through_the_api_but_not_by_an_inspector()
    {
        var office = await app.SignedInClientAsync(Role.CityOffice.Id);
        var recorded = await PostPageAsync(office, "/tips/office", "call", new()
        {
            ["Call.Channel"] = nameof(TipChannel.Phone12350), ["Call.Kind"] = nameof(TipKind.Uncertified), ["Call.City"] = TipArrangement.Guangzhou,
            ["Call.Site"] = "番禺区某五金厂", ["Call.What"] = "来电反映：五金厂电焊工无证上岗", ["Call.Anonymous"] = "true",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var html = await recorded.Content.ReadAsStringAsync();
        var receipt = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"tip-call-receipt\">([0-9 ]{19})<").Groups[1].Value;
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", receipt);
        var tip = await app.TipByReceiptAsync(receipt.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(TipChannel.Phone12350, tip.Channel);
        Assert.Equal(TipState.Received, tip.State);

        var police = app.ApiClient(Role.Police.Id);
        var passed = await police.PostAsJsonAsync("/api/v1/tips/calls", new
        {
            channel = nameof(TipChannel.Police110), city = TipArrangement.Guangzhou, kind = nameof(TipKind.FakeCertificate), site = "白云区某货运站", what = "110 转来：有人持假证驾驶叉车",
        }).OkAsync(HttpStatusCode.Created);
        Assert.Equal(TipChannel.Police110, (await app.TipByReceiptAsync(passed.GetProperty("receipt").GetString()!)).Channel);

        var inspector = await app.SignedInClientAsync(Role.Inspector.Id);
        var refused = await PostPageAsync(inspector, "/tips/office", "call", new()
        {
            ["Call.Channel"] = nameof(TipChannel.Phone12350), ["Call.Kind"] = nameof(TipKind.Other), ["Call.City"] = TipArrangement.Guangzhou, ["Call.What"] = "x",
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("TIP-NOT-CALL-TAKER", await refused.Content.ReadAsStringAsync());
        await (await app.ApiClient(Role.Inspector.Id).PostAsJsonAsync("/api/v1/tips/calls", new { channel = "Phone12350", city = TipArrangement.Guangzhou, kind = "Other", what = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task The_province_office_routes_a_tip_to_another_city_and_department_on_its_page_and_a_city_office_cannot()
    {
        var receipt = await app.Citizen("198.51.100.41").FileTipAsync("网上有人以深圳公司名义售卖电工证");
        var tip = await app.TipByReceiptAsync(receipt);
        await (await app.ApiClient(Role.CityOffice.Id).PostAsJsonAsync($"/api/v1/tips/{tip.Id}/route", new { city = "440300", department = "cyberspace" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TIP-NOT-PROVINCE");

        var province = await app.SignedInClientAsync(Role.ProvinceOffice.Id);
        var page = await province.GetStringAsync($"/tips/office?id={tip.Id}");
        Assert.Contains("data-testid=\"tip-route-form\"", page);
        var routed = await PostPageAsync(province, $"/tips/office?id={tip.Id}", "route", new() { ["City"] = "440300", ["Department"] = TipDepartments.Cyberspace });
        Assert.Equal(HttpStatusCode.Redirect, routed.StatusCode);
        await using var db = app.SystemDb();
        var after = await db.Tips.SingleAsync(t => t.Id == tip.Id);
        Assert.Equal("440300", after.RegionCode);
        Assert.Equal(TipDepartments.Cyberspace, after.Department);
        // Guangzhou's office no longer finds it.
        await (await app.ApiClient(Role.CityOffice.Id).GetAsync($"/api/v1/tips/{tip.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "TIP-NOT-FOUND");
    }

    [Fact]
    public async Task The_city_office_merges_a_duplicate_on_its_page_and_the_duplicates_reporter_sees_the_first_tips_state()
    {
        var citizen = app.Citizen("198.51.100.42");
        var first = await app.TipByReceiptAsync(await citizen.FileTipAsync("某商场装修队的电工无证"));
        var secondReceipt = await citizen.FileTipAsync("某商场装修现场电工没有操作证");
        var second = await app.TipByReceiptAsync(secondReceipt);
        var version = await AssignAsync(first.Id);

        var office = await app.SignedInClientAsync(Role.CityOffice.Id);
        Assert.Contains("data-testid=\"tip-merge-form\"", await office.GetStringAsync($"/tips/office?id={second.Id}"));
        var merged = await PostPageAsync(office, $"/tips/office?id={second.Id}", "merge", new() { ["IntoId"] = first.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        await using (var db = app.SystemDb())
            Assert.Equal(first.Id, (await db.Tips.SingleAsync(t => t.Id == second.Id)).MergedIntoId);

        // The first tip is worked; the merged one's reporter sees its state.
        await app.Inspector().PostAsJsonAsync($"/api/v1/tips/{first.Id}/lead", new { lead = true, suspectSite = false, summary = "商场装修电工无证上岗", version }).OkAsync();
        var view = await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt = secondReceipt }).OkAsync();
        Assert.Equal("Checking", view.GetProperty("state").GetString());
        // Merged once, it cannot be merged again.
        await (await app.ApiClient(Role.CityOffice.Id).PostAsJsonAsync($"/api/v1/tips/{second.Id}/merge", new { into = first.Id }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "TIP-CLOSED");
    }

    [Fact]
    public async Task The_assigned_officer_asks_on_the_page_for_a_longer_check_up_to_90_days_and_another_person_approves()
    {
        var tip = await app.TipByReceiptAsync(await app.Citizen("198.51.100.43").FileTipAsync("某港口起重司机证件可疑"));
        await AssignAsync(tip.Id);
        var received = Core.Time.ChinaTime.DateOf(tip.ReceivedAt);
        Assert.Equal(received.AddDays(30), tip.CheckDueOn);

        var inspector = await app.SignedInClientAsync(Role.Inspector.Id);
        var tooLong = await PostPageAsync(inspector, $"/tips/office?id={tip.Id}", "extend", new() { ["ExtendTo"] = received.AddDays(91).ToString("yyyy-MM-dd") });
        Assert.Contains("TIP-EXTENSION-RANGE", await tooLong.Content.ReadAsStringAsync());
        var asked = await PostPageAsync(inspector, $"/tips/office?id={tip.Id}", "extend", new() { ["ExtendTo"] = received.AddDays(90).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("data-testid=\"tip-extension-pending\"", await inspector.GetStringAsync($"/tips/office?id={tip.Id}"));
        await (await app.Inspector().PostAsync($"/api/v1/tips/{tip.Id}/extension/approval", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "TIP-NOT-APPROVER");

        var lead = await app.SignedInClientAsync(Role.EnforcementLead.Id);
        var approved = await PostPageAsync(lead, $"/tips/office?id={tip.Id}", "approveExtension", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using var db = app.SystemDb();
        var after = await db.Tips.SingleAsync(t => t.Id == tip.Id);
        Assert.Equal(received.AddDays(90), after.CheckDueOn);
        Assert.Null(after.ExtensionRequestedTo);
        Assert.Equal(app.Account(Role.EnforcementLead.Id).UserName, after.ExtensionApprovedBy);
    }

    [Fact]
    public async Task A_fake_website_tip_becomes_a_web_watch_suspect_and_follows_its_verdict()
    {
        var citizen = app.Citizen("198.51.100.44");
        var receipt = await citizen.FileTipAsync("有个网站冒充应急管理部查询特种作业证");
        var tip = await app.TipByReceiptAsync(receipt);
        var version = await AssignAsync(tip.Id);

        await (await app.Inspector().PostAsJsonAsync($"/api/v1/tips/{tip.Id}/lead", new { lead = false, suspectSite = true, summary = "冒充官方查询的网站", version }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "TIP-SITE-URL-REQUIRED");
        var inspector = await app.SignedInClientAsync(Role.Inspector.Id);
        var raised = await PostPageAsync(inspector, $"/tips/office?id={tip.Id}", "lead", new()
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Lead"] = "false", ["SuspectSite"] = "true",
            ["Text"] = "冒充官方查询的网站", ["SiteUrl"] = "https://tzzy-zhengshu-chaxun.com/query",
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Guid suspectId;
        await using (var db = app.SystemDb())
        {
            var after = await db.Tips.SingleAsync(t => t.Id == tip.Id);
            Assert.Equal(TipState.Checking, after.State);
            Assert.Null(after.LeadId);
            suspectId = after.SuspectId!.Value;
            var suspect = await db.Suspects.SingleAsync(s => s.Id == suspectId);
            Assert.Equal(SuspectSources.Tip, suspect.Source);
            Assert.Equal(TipArrangement.Guangzhou, suspect.RegionCode);
            Assert.Equal("tzzy-zhengshu-chaxun.com", suspect.Key);
            Assert.DoesNotContain("应急管理部查询特种作业证", suspect.Note);
        }
        Assert.Contains($"/webwatch/suspect/{suspectId}", await inspector.GetStringAsync($"/tips/office?id={tip.Id}"));

        // The cyberspace office confirms it fake: the tip is substantiated.
        await using (var db = app.SystemDb())
        {
            (await db.Suspects.SingleAsync(s => s.Id == suspectId)).Verify(true, "页面仿冒官方查询系统", "gz.cyberspace", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Equal("Substantiated", (await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt }).OkAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_tip_made_both_a_lead_and_a_suspect_ends_not_substantiated_only_when_both_come_to_nothing()
    {
        var citizen = app.Citizen("198.51.100.45");
        var receipt = await citizen.FileTipAsync("朋友圈有人卖证，还有个网站");
        var tip = await app.TipByReceiptAsync(receipt);
        var version = await AssignAsync(tip.Id);
        var raised = await app.Inspector().PostAsJsonAsync($"/api/v1/tips/{tip.Id}/lead",
            new { lead = true, suspectSite = true, summary = "售证网站及线下售证", version, siteUrl = "zhengshu-banli-kuai.com" }).OkAsync();
        var leadId = raised.GetProperty("leadId").GetGuid();
        var suspectId = raised.GetProperty("suspectId").GetGuid();

        await using (var db = app.SystemDb())
        {
            (await db.Suspects.SingleAsync(s => s.Id == suspectId)).Verify(false, "域名未解析，无仿冒内容", "gz.cyberspace", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Equal("Checking", (await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt }).OkAsync()).GetProperty("state").GetString());
        await using (var db = app.SystemDb())
        {
            var lead = await db.InspectionLeads.SingleAsync(l => l.Id == leadId);
            lead.ProposeNoAction("经核查无此事", "gz.inspector", DateTimeOffset.UtcNow);
            lead.ApproveNoAction("gz.enforcement", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Equal("NotSubstantiated", (await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt }).OkAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_reward_officer_pays_a_claim_from_the_reward_queue_which_shows_no_tip_content()
    {
        var office = await app.SignedInClientAsync(Role.CityOffice.Id);
        var queue = await office.GetAsync("/tips/rewards");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"Claimed\"", html);
        Assert.DoesNotContain("data-state=\"Paid\"", html);
        Assert.DoesNotContain("tip-material", html);
        Assert.Contains("data-state=\"Paid\"", await office.GetStringAsync("/tips/rewards?all=true"));
        await using (var db = app.SystemDb())
        {
            // Nothing of what the tips say shows in the queue.
            var vault = app.Services.GetRequiredService<TipVault>();
            foreach (var t in await db.Tips.Where(t => db.TipRewards.Any(r => r.TipId == t.Id)).ToListAsync())
                Assert.DoesNotContain(TipReport.Open(vault.OpenAsOffice(t), t).What, html, StringComparison.Ordinal);
        }

        Guid rewardId;
        int version;
        await using (var db = app.SystemDb())
        {
            var claimed = await db.TipRewards.FirstAsync(r => r.State == RewardState.Claimed);
            (rewardId, version) = (claimed.Id, claimed.Version);
        }
        var inspector = await app.SignedInClientAsync(Role.Inspector.Id);
        var denied = await inspector.GetAsync("/tips/rewards");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        var paid = await PostPageAsync(office, "/tips/rewards", "pay", new()
        {
            ["RewardId"] = rewardId.ToString(), ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Voucher"] = "穗应急奖〔2026〕9号", ["PayeeName"] = "王五", ["PayeeIdNumber"] = "440106197001011234", ["PayeePhone"] = "13600136000",
        });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        await using var check = app.SystemDb();
        var reward = await check.TipRewards.SingleAsync(r => r.Id == rewardId);
        Assert.Equal(RewardState.Paid, reward.State);
        Assert.Equal("穗应急奖〔2026〕9号", reward.Voucher);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == TipRewardDesk.PayeeAction && e.EntityId == rewardId.ToString()));
    }

    [Fact]
    public async Task Each_tips_figure_43_to_45_equals_its_drill_down_records_which_reveal_no_content()
    {
        // One more tip received and one substantiated today, on top of the demo's.
        await app.Citizen("198.51.100.46").FileTipAsync("统计用：某工地焊工无证");
        var now = DateTimeOffset.UtcNow;
        var window = new IndicatorWindow(now.AddYears(-2), now.AddDays(1));
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Job("test.statistics"));
        var calculator = scope.ServiceProvider.GetRequiredService<StatisticsCalculator>();
        foreach (var code in new[] { "43", "44", "45", "45.amount" }) Assert.Contains(code, calculator.ComputedCodes);
        var figures = await calculator.ComputeAsync(window, CancellationToken.None);
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().OfType<TipIndicators>().Single();
        var counted = await source.CountAsync(window, CancellationToken.None);
        Assert.True(counted[TipArrangement.Guangzhou]["43"] >= 1);
        Assert.True(counted[TipArrangement.Guangzhou]["45"] >= 1);

        await using var db = app.SystemDb();
        var vault = app.Services.GetRequiredService<TipVault>();
        var sealedTexts = (await db.Tips.ToListAsync()).Select(t => TipReport.Open(vault.OpenAsOffice(t), t)).SelectMany(r => new[] { r.What, r.Site }).ToList();
        foreach (var (city, values) in counted)
        {
            foreach (var code in source.Codes)
            {
                var figure = values.GetValueOrDefault(code);
                var records = await source.ListAsync(code, city, window, CancellationToken.None);
                Assert.Equal(figure, code == "45.amount" ? records.Sum(r => r.Amount) : records.Count);
                Assert.Equal(figure, figures[city].Values.GetValueOrDefault(code) ?? 0m);
                Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
                foreach (var record in records)
                {
                    Assert.Matches("^[^·]+ · [^·]+ · [^·]+( · [0-9]+ 元)?$", record.Summary);
                    Assert.DoesNotContain(sealedTexts, text => record.Summary.Contains(text, StringComparison.Ordinal));
                }
            }
        }
    }

    private async Task<int> AssignAsync(Guid id)
    {
        var office = app.ApiClient(Role.CityOffice.Id);
        var current = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{id}");
        var assigned = await office.PostAsJsonAsync($"/api/v1/tips/{id}/assignment", new { officer = app.Officer(), version = current.Version() }).OkAsync();
        return assigned.Version();
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(html);
        var separator = page.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return await client.PostAsync($"{page}{separator}handler={handler}", new FormUrlEncodedContent(fields));
    }
}

public sealed class SqliteTipOfficeTests(SqliteApp app) : TipOfficeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTipOfficeTests(PostgresApp app) : TipOfficeTests(app), IClassFixture<PostgresApp>;
