using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Tips;
using CertGuard.Data.Enforcement;
using CertGuard.Data.Tips;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Tips;

/// <summary>Issue 14's "done when": a citizen files and follows up by receipt; the database reveals nothing; the office works it into a reward.</summary>
public abstract class TipsTests(CertGuardApp app)
{
    [Fact]
    public async Task An_anonymous_tip_with_a_photo_gets_a_receipt_and_the_database_holds_nothing_readable()
    {
        const string address = "203.0.113.77";
        var photo = TipArrangement.PhotoWithGps();
        Assert.True(TipArrangement.HasGps(photo));
        const string what = "工地上的焊工王某某持有的操作证是网上买的假证，编号T440101TESTMARK";

        var response = await app.Citizen(address).PostAsync("/api/v1/public/tips", TipArrangement.TipForm(what, photo));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        Assert.Matches("^[0-9]{16}$", receipt);

        var raw = await app.RawTablesAsync();
        Assert.False(TipArrangement.Contains(raw, Encoding.UTF8.GetBytes(receipt)));
        Assert.False(TipArrangement.Contains(raw, Encoding.UTF8.GetBytes(receipt[..8])));
        Assert.False(TipArrangement.Contains(raw, Encoding.UTF8.GetBytes("TESTMARK")));
        Assert.False(TipArrangement.Contains(raw, Encoding.UTF8.GetBytes("天河区某商场")));
        Assert.False(TipArrangement.Contains(raw, photo[^40..]));
        Assert.False(TipArrangement.Contains(raw, Encoding.UTF8.GetBytes(address)));
        Assert.False(TipArrangement.Contains(raw, Encoding.UTF8.GetBytes(Convert.ToBase64String(photo[^30..]))));

        // The assigned officer reads the stored photo: its GPS position is gone, and the read is audited.
        var tip = await app.TipByReceiptAsync(receipt);
        await AssignAsync(tip.Id);
        var inspector = app.ApiClient(Role.Inspector.Id);
        var material = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{tip.Id}/material");
        Assert.Equal(what, material.GetProperty("what").GetString());
        var fileId = material.GetProperty("files")[0].GetProperty("id").GetGuid();
        var stored = await inspector.GetByteArrayAsync($"/api/v1/tips/{tip.Id}/files/{fileId}");
        Assert.Equal(0xFF, stored[0]);
        Assert.False(TipArrangement.HasGps(stored));
        Assert.DoesNotContain(MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(stored)), d => d is MetadataExtractor.Formats.Exif.ExifIfd0Directory);

        await using var db = app.SystemDb();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == TipDesk.ReadAction && e.EntityId == tip.Id.ToString()));
    }

    [Fact]
    public async Task Only_the_assigned_officer_reads_the_material_and_the_reporter_reads_the_offices_message()
    {
        var citizen = app.Citizen("203.0.113.78");
        var receipt = await citizen.FileTipAsync("某培训机构承诺包过，考试时有人代考", anonymous: false);
        var tip = await app.TipByReceiptAsync(receipt);

        var office = app.ApiClient(Role.CityOffice.Id);
        await (await office.GetAsync($"/api/v1/tips/{tip.Id}/material")).AssertProblemAsync(HttpStatusCode.Forbidden, "TIP-NOT-ASSIGNED");
        await (await app.ApiClient(Role.Employer.Id).GetAsync("/api/v1/tips")).AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await AssignAsync(tip.Id);

        var inspector = app.ApiClient(Role.Inspector.Id);
        var material = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{tip.Id}/material");
        Assert.Equal("李*", material.GetProperty("reporterName").GetString());
        Assert.Equal("138****8000", material.GetProperty("reporterPhone").GetString());
        var message = await inspector.PostAsJsonAsync($"/api/v1/tips/{tip.Id}/messages", new { text = "已收到，我们将于本月内到现场核查。" });
        Assert.Equal(HttpStatusCode.NoContent, message.StatusCode);

        var view = await (await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Assigned", view.GetProperty("state").GetString());
        Assert.Equal("已分派", view.GetProperty("stateName").GetString());
        Assert.Contains(view.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "已收到，我们将于本月内到现场核查。" && !m.GetProperty("fromReporter").GetBoolean());

        var reply = await citizen.PostAsJsonAsync("/api/v1/public/tips/replies", new { receipt = Receipt.Grouped(receipt), text = "周三上午考点有人替考" });
        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        var byGet = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/public/tips/{receipt}");
        Assert.Contains(byGet.GetProperty("messages").EnumerateArray(), m => m.GetProperty("fromReporter").GetBoolean() && m.GetProperty("text").GetString() == "周三上午考点有人替考");
    }

    [Fact]
    public async Task A_wrong_receipt_and_an_expired_one_look_alike()
    {
        var citizen = app.Citizen("203.0.113.79");
        var receipt = await citizen.FileTipAsync("有人在朋友圈售卖电工证，可查可入网");
        var tip = await app.TipByReceiptAsync(receipt);
        await using (var db = app.SystemDb())
        {
            await db.Tips.Where(t => t.Id == tip.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastReporterActivityAt, DateTimeOffset.UtcNow.AddDays(-400)));
        }
        var wrong = receipt[..15] + (receipt[15] == '9' ? '0' : (char)(receipt[15] + 1));

        var expired = await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt });
        var unknown = await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt = wrong });
        var a = await expired.AssertProblemAsync(HttpStatusCode.NotFound, "TIP-RECEIPT-UNKNOWN");
        var b = await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "TIP-RECEIPT-UNKNOWN");
        foreach (var field in new[] { "title", "detail", "type", "status", "code" })
            Assert.Equal(a.TryGetProperty(field, out var x) ? x.ToString() : null, b.TryGetProperty(field, out var y) ? y.ToString() : null);
        Assert.True(Http.HasChinese(a.GetProperty("title").GetString()));
        Assert.Equal(expired.Headers.CacheControl?.ToString(), unknown.Headers.CacheControl?.ToString());

        await using var after = app.SystemDb();
        Assert.Null((await after.Tips.SingleAsync(t => t.Id == tip.Id)).ReporterKeyWrap);
    }

    [Fact]
    public async Task A_tip_becomes_a_lead_whose_case_fine_of_20000_proposes_the_3000_floor_approved_claimed_and_paid()
    {
        var citizen = app.Citizen("203.0.113.80");
        var receipt = await citizen.FileTipAsync("物流园叉车司机全部无证上岗");
        var tip = await app.TipByReceiptAsync(receipt);
        var version = await AssignAsync(tip.Id);

        var inspector = app.ApiClient(Role.Inspector.Id);
        var raised = await inspector.PostAsJsonAsync($"/api/v1/tips/{tip.Id}/lead", new { lead = true, suspectSite = false, summary = "某物流园叉车司机无证上岗，请现场检查", version });
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var leadId = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        var caseId = Guid.NewGuid();
        await using (var db = app.SystemDb())
        {
            var lead = await db.InspectionLeads.SingleAsync(l => l.Id == leadId);
            Assert.Equal(LeadSources.Tip, lead.Source);
            Assert.Equal(tip.Id, lead.SourceId);
            Assert.DoesNotContain("物流园叉车司机全部", lead.Summary);
            lead.OpenCase(caseId, "gz.enforcement", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Equal("Checking", (await Follow(citizen, receipt)).GetProperty("state").GetString());

        // The cases module (not in this branch) raises CaseDecided in its unit of work: a fine of 20,000.
        await using (var db = app.SystemDb())
        using (var scope = app.Services.CreateScope())
        {
            var listener = scope.ServiceProvider.GetServices<ICaseDecisionListener>().OfType<TipRewardListener>().Single();
            await listener.OnDecidedAsync(db, new CaseDecided(caseId, [leadId], TipArrangement.Guangzhou, 20_000m, false, false, DateTimeOffset.UtcNow), CancellationToken.None);
            await db.SaveChangesAsync();
        }
        var followed = await Follow(citizen, receipt);
        Assert.Equal("Substantiated", followed.GetProperty("state").GetString());
        Assert.Equal("Proposed", followed.GetProperty("reward").GetProperty("state").GetString());

        var lead2 = app.ApiClient(Role.EnforcementLead.Id);
        var rewards = await lead2.GetFromJsonAsync<JsonElement>("/api/v1/tips/rewards");
        var reward = rewards.EnumerateArray().Single(r => r.GetProperty("tipId").GetGuid() == tip.Id);
        Assert.Equal(3000m, reward.GetProperty("amount").GetDecimal());
        Assert.Contains("安监总财〔2018〕19号", reward.GetProperty("basis").GetString());
        var rewardId = reward.GetProperty("id").GetGuid();
        var office = app.ApiClient(Role.CityOffice.Id);
        await (await office.PostAsJsonAsync($"/api/v1/tips/rewards/{rewardId}/decision", new { approve = true, note = "同意", version = 0 }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TIP-NOT-COMMITTEE");
        var approved = await lead2.PostAsJsonAsync($"/api/v1/tips/rewards/{rewardId}/decision", new { approve = true, note = "经评审，举报属实，按最低标准奖励", version = 0 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // An official cannot claim; the anonymous reporter claims with the receipt.
        await (await app.ApiClient(Role.Inspector.Id).PostAsJsonAsync("/api/v1/public/tips/reward-claims", new { receipt, notRegulatorStaff = true }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TIP-REWARD-STAFF");
        var claimed = await citizen.PostAsJsonAsync("/api/v1/public/tips/reward-claims", new { receipt, notRegulatorStaff = true });
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("Claimed", (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var paid = await office.PostAsJsonAsync($"/api/v1/tips/rewards/{rewardId}/payment",
            new { voucher = "穗应急奖〔2026〕1号", name = "匿名举报人甲", idNumber = "440106199001011234", phone = "13900139000", version = 2 });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("Rewarded", (await Follow(citizen, receipt)).GetProperty("state").GetString());

        await using var check = app.SystemDb();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == TipRewardDesk.PayeeAction && e.EntityId == rewardId.ToString()));
        Assert.False(TipArrangement.Contains(await app.RawTablesAsync(), Encoding.UTF8.GetBytes("440106199001011234")));
        var stats = await office.GetFromJsonAsync<JsonElement>("/api/v1/tips/statistics");
        var rows = stats.EnumerateArray().Where(r => r.GetProperty("regionCode").GetString() == TipArrangement.Guangzhou).ToList();
        Assert.True(rows.Sum(r => r.GetProperty("rewardsPaid").GetInt32()) >= 1);
        Assert.True(rows.Sum(r => r.GetProperty("rewardsPaidYuan").GetDecimal()) >= 3000m);
        Assert.True(rows.Sum(r => r.GetProperty("substantiated").GetInt32()) >= 1);
    }

    [Fact]
    public async Task The_public_page_shows_the_receipt_once_and_the_follow_up_page_opens_it()
    {
        var citizen = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        citizen.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.81");
        var form = await citizen.GetStringAsync("/tips/new");
        Assert.Contains("有奖举报", form);
        var post = new MultipartFormDataContent
        {
            { new StringContent(CertGuardApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(nameof(TipKind.FakeWebsite)), "Kind" },
            { new StringContent(TipArrangement.Guangzhou), "City" },
            { new StringContent("tzzy-chaxun.example"), "Site" },
            { new StringContent("这个网站冒充应急管理部的证书查询"), "What" },
            { new StringContent("false"), "RealName" },
        };
        var answer = await citizen.PostAsync("/tips/new", post);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        var receipt = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"tip-receipt\">([0-9 ]{19})<").Groups[1].Value;
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", receipt);

        var page = await citizen.GetStringAsync("/tips/follow-up");
        var opened = await citizen.PostAsync("/tips/follow-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CertGuardApp.AntiforgeryToken(page), ["Receipt"] = receipt,
        }));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("data-state=\"Received\"", await opened.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_demo_has_tips_in_every_state_and_an_anonymous_claim_pending()
    {
        var samples = app.Credentials.Where(l => l.StartsWith("sample-tip ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.Equal(6, samples.Count);
        await using var db = app.SystemDb();
        var states = await db.Tips.Select(t => t.State).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<TipState>().Order(), states.Order());
        Assert.True(await db.TipRewards.AnyAsync(r => r.State == RewardState.Claimed));
        var pending = samples.Single(s => s[2] == "Substantiated-claim-pending")[1];
        var view = await (await app.Citizen("203.0.113.82").PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt = pending })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Claimed", view.GetProperty("reward").GetProperty("state").GetString());
    }

    private async Task<int> AssignAsync(Guid id)
    {
        var office = app.ApiClient(Role.CityOffice.Id);
        var current = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{id}");
        var response = await office.PostAsJsonAsync($"/api/v1/tips/{id}/assignment", new { officer = app.Officer(), version = current.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    private static async Task<JsonElement> Follow(HttpClient citizen, string receipt)
    {
        var response = await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteTipsTests(SqliteApp app) : TipsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTipsTests(PostgresApp app) : TipsTests(app), IClassFixture<PostgresApp>;
