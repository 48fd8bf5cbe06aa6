using CertGuard.Core.Enforcement;
using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Tips;

/// <summary>
/// Demo tips in Guangzhou, one in every state, a paid reward to a named reporter and an anonymous reporter's claim
/// waiting for payment. Their receipts are printed with the demo credentials (<c>sample-tip &lt;receipt&gt; &lt;state&gt;</c>).
/// </summary>
public static class TipsDemo
{
    private const string City = "440100";
    private const string Officer = "gz.inspector";

    private static readonly string[] FinalStates = ["Received", "Assigned", "Checking", "NotSubstantiated", "Rewarded", "Substantiated-claim-pending"];

    public static async Task<IReadOnlyList<string>> SeedAsync(CertGuardDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // The vault needs the external key, which only the application's services hold; a context made without them
        // (a bare tool) seeds no tips.
        var vault = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TipVault>();
        if (vault is null) return [];
        var now = clock.GetUtcNow();
        var lines = new List<string>();

        Tip Add(TipKind kind, bool named, int daysAgo, string site, string what, TipChannel channel = TipChannel.Web)
        {
            var at = now.AddDays(-daysAgo);
            var id = Guid.CreateVersion7(at);
            var receipt = Receipt.New();
            var keys = vault.Create(id, receipt);
            var tip = new Tip(id, City, kind, channel, named, at, ChinaTime.DateOf(at).AddDays(30));
            var report = new TipReport(site, what, named ? "陈建国" : null, named ? "13712345678" : null);
            tip.Seal(keys.LookupId, keys.Salt, keys.Verifier, keys.ReporterWrap, keys.OfficeWrap, keys.OfficeKeyId, report.Seal(keys.DataKey, id));
            db.Tips.Add(tip);
            if (daysAgo > 2)
                db.TipMessages.Add(new TipMessage(id, false, Officer, at.AddDays(2), TipVault.Seal(vault.OpenAsOffice(tip), id, "message", "您的举报已收到，承办人正在核查，请耐心等待。")));
            lines.Add($"sample-tip {receipt} {tip.State}");
            return tip;
        }

        Add(TipKind.OnlineSales, false, 1, "某社交平台账号", "有人在朋友圈发广告：电工证、焊工证免考包过，可查可入网，3000元一本。");
        var assigned = Add(TipKind.Uncertified, false, 5, "白云区某物流园", "园区内叉车司机多人没有操作证，公司让他们直接上岗。", TipChannel.Phone12350);
        assigned.Assign(Officer, now);
        var checking = Add(TipKind.WorkingWithFake, true, 12, "天河区某建筑工地", "工地焊工王某持有的操作证是网上买的，查询系统查不到。");
        checking.Assign(Officer, now);
        var lead = new InspectionLead(City, LeadSources.Tip, "举报线索（持假证上岗）：天河区某工地焊工疑持假证，请现场核查", Officer, now.AddDays(-10)) { SourceId = checking.Id };
        db.InspectionLeads.Add(lead);
        checking.BecameLead(lead.Id, suspectSite: false);
        var notSubstantiated = Add(TipKind.LentOrImpersonated, false, 40, "海珠区某制冷公司", "公司的制冷工用别人的证上岗。");
        notSubstantiated.Assign(Officer, now);
        notSubstantiated.Conclude(false, now.AddDays(-8), ChinaTime.DateOf(now).AddDays(2));

        // A named reporter's tip: the case fined 20,000; the reward of 3,000 (the floor) was approved and paid.
        var rewarded = Add(TipKind.Uncertified, true, 75, "番禺区某机械厂", "厂里的电焊工和起重工都没有证，车间主任知情。");
        rewarded.Assign(Officer, now);
        rewarded.Conclude(true, now.AddDays(-20), ChinaTime.DateOf(now).AddDays(-10));
        var paid = new TipReward(rewarded.Id, Guid.CreateVersion7(now.AddDays(-20)), City, 20_000m, 3_000m, "ajzc-2018-19",
            "安监总财〔2018〕19号：罚款 20000 元 × 15% = 3000 元，最低 3000 元、最高 300000 元，奖励 3000 元", now.AddDays(-20));
        paid.Decide(true, "经评审，举报属实，按标准奖励", "gz.enforcement", now.AddDays(-15));
        paid.Pay(true, "穗应急奖〔2026〕001号", TipVault.Seal(vault.OpenAsOffice(rewarded), rewarded.Id, "payee", "{\"Name\":\"陈建国\",\"IdNumber\":null,\"Phone\":\"13712345678\"}"), "gz.office", now.AddDays(-12));
        db.TipRewards.Add(paid);
        rewarded.MarkRewarded();

        // An anonymous reporter's tip: fined 60,000, reward of 9,000 approved and claimed with the receipt; payment pending.
        var claimed = Add(TipKind.InstitutionFraud, false, 60, "某职业技能培训学校", "培训学校组织替考，学员交钱不用到场即可拿证。");
        claimed.Assign(Officer, now);
        claimed.Conclude(true, now.AddDays(-18), ChinaTime.DateOf(now).AddDays(-8));
        var pending = new TipReward(claimed.Id, Guid.CreateVersion7(now.AddDays(-18)), City, 60_000m, 9_000m, "ajzc-2018-19",
            "安监总财〔2018〕19号：罚款 60000 元 × 15% = 9000 元，最低 3000 元、最高 300000 元，奖励 9000 元", now.AddDays(-18));
        pending.Decide(true, "经评审，举报属实，同意奖励", "gz.enforcement", now.AddDays(-14));
        pending.Claim(now.AddDays(-3));
        db.TipRewards.Add(pending);

        await db.SaveChangesAsync(ct);
        // Listed with their final states (the lines were written at filing).
        return lines.Select((l, i) => l[..l.LastIndexOf(' ')] + " " + FinalStates[i]).ToList();
    }
}
