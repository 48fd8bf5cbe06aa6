using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Tips;
using CertGuard.Data.Tips;
using CertGuard.Testing;
using CertGuard.Web.Tests.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Tests.Tips;

/// <summary>
/// Issue 14's chain through the real cases desk: an anonymous tip, made a lead by the office, opens a case that is
/// decided with a fine of 20,000; the listener proposes the 3,000 floor, the committee approves, the reporter claims with
/// the receipt and identifies to the reward officer, who pays with a voucher.
/// </summary>
public abstract class TipCaseChainTests(CertGuardApp app)
{
    [Fact]
    public async Task An_anonymous_tip_becomes_a_case_fined_20000_and_its_3000_reward_is_approved_claimed_and_paid()
    {
        var citizen = app.Citizen("198.51.100.31");
        var receipt = await citizen.FileTipAsync("某物流园的叉车司机都没有操作证，老板说查到再说");
        var tip = await app.TipByReceiptAsync(receipt);

        // The office: the city office assigns, the officer makes it a lead in their own words.
        var office = app.ApiClient(Role.CityOffice.Id);
        var current = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tips/{tip.Id}");
        var assigned = await office.PostAsJsonAsync($"/api/v1/tips/{tip.Id}/assignment", new { officer = app.Officer(), version = current.Version() }).OkAsync();
        var inspector = app.Inspector();
        var raised = await inspector.PostAsJsonAsync($"/api/v1/tips/{tip.Id}/lead",
            new { lead = true, suspectSite = false, summary = "某物流园叉车司机无证上岗，请现场检查", version = assigned.Version() }).OkAsync();
        var leadId = raised.GetProperty("leadId").GetGuid();

        // Enforcement: the lead opens a case, which walks to a decision with a fine of 20,000 (0–100,000 for the employer).
        var lead = app.Lead();
        var c = await inspector.PostAsJsonAsync("/api/v1/cases", new { leadIds = new[] { leadId }, title = "使用未取得特种作业操作证的人员从事叉车作业", personName = "某物流有限公司" })
            .OkAsync(HttpStatusCode.Created);
        await using (var db = app.SystemDb())
            Assert.Equal(LeadDisposition.CaseOpened, (await db.InspectionLeads.SingleAsync(l => l.Id == leadId)).Disposition);
        c = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/filing-approval", new { version = c.Version() }).OkAsync();
        c = await lead.DocumentAsync(c, "filing-approval");
        c = await inspector.AdvanceAsync(c);
        c = await inspector.DocumentAsync(c, "inquiry-record", "问：叉车司机是否取得特种作业操作证？\n答：没有。");
        c = await inspector.DocumentAsync(c, "evidence-list");
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Notice", c.Stage());
        c = await inspector.DocumentAsync(c, "penalty-notice");
        c = await inspector.AdvanceAsync(c);
        Assert.Equal("Decision", c.Stage());
        c = await lead.PostAsJsonAsync($"/api/v1/cases/{c.Id()}/decision", new
        {
            version = c.Version(),
            lines = new[] { new { party = "Employer", partyName = "某物流有限公司", ruleCode = "EMPLOYER-UNCERTIFIED-WORKER", fine = 20000, measures = "责令限期改正，处罚款" } },
        }).OkAsync();
        Assert.Equal(20000, c.GetProperty("fineYuan").GetInt64());

        // The listener proposed the floor; the reporter sees the tip substantiated and the reward proposed.
        var rewards = await lead.GetFromJsonAsync<JsonElement>("/api/v1/tips/rewards");
        var reward = rewards.EnumerateArray().Single(r => r.GetProperty("tipId").GetGuid() == tip.Id);
        Assert.Equal(3000m, reward.GetProperty("amount").GetDecimal());
        Assert.Equal(20000m, reward.GetProperty("fineYuan").GetDecimal());
        Assert.Equal(c.Id(), reward.GetProperty("caseId").GetGuid());
        Assert.Equal("Proposed", reward.GetProperty("state").GetString());
        var followed = await FollowAsync(citizen, receipt);
        Assert.Equal("Substantiated", followed.GetProperty("state").GetString());
        Assert.Equal("Proposed", followed.GetProperty("reward").GetProperty("state").GetString());

        // The committee approves; the anonymous reporter claims with the receipt; the reward officer pays.
        reward = await lead.PostAsJsonAsync($"/api/v1/tips/rewards/{reward.Id()}/decision", new { approve = true, note = "举报属实，按最低标准奖励", version = reward.Version() }).OkAsync();
        var claim = await citizen.PostAsJsonAsync("/api/v1/public/tips/reward-claims", new { receipt = Receipt.Grouped(receipt), notRegulatorStaff = true }).OkAsync();
        Assert.Equal("Claimed", claim.GetProperty("state").GetString());
        var paid = await office.PostAsJsonAsync($"/api/v1/tips/rewards/{reward.Id()}/payment",
            new { voucher = "穗应急奖〔2026〕7号", name = "匿名举报人乙", idNumber = "440106198801012345", phone = "13700137000", version = reward.Version() + 1 }).OkAsync();
        Assert.Equal("Paid", paid.GetProperty("state").GetString());
        Assert.Equal("穗应急奖〔2026〕7号", paid.GetProperty("voucher").GetString());
        var after = await FollowAsync(citizen, receipt);
        Assert.Equal("Rewarded", after.GetProperty("state").GetString());
        Assert.Equal("Paid", after.GetProperty("reward").GetProperty("state").GetString());

        await using var check = app.SystemDb();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == TipRewardDesk.PayeeAction && e.EntityId == reward.Id().ToString()));
        Assert.Equal(TipState.Rewarded, (await check.Tips.SingleAsync(t => t.Id == tip.Id)).State);
        Assert.False(TipArrangement.Contains(await app.RawTablesAsync(), System.Text.Encoding.UTF8.GetBytes("440106198801012345")));
    }

    private static async Task<JsonElement> FollowAsync(HttpClient citizen, string receipt) =>
        await citizen.PostAsJsonAsync("/api/v1/public/tips/follow-up", new { receipt }).OkAsync();
}

public sealed class SqliteTipCaseChainTests(SqliteApp app) : TipCaseChainTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTipCaseChainTests(PostgresApp app) : TipCaseChainTests(app), IClassFixture<PostgresApp>;
