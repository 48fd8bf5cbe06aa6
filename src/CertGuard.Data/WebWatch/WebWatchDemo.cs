using CertGuard.Core.Enforcement;
using CertGuard.Core.WebWatch;
using CertGuard.Data.Demo;

namespace CertGuard.Data.WebWatch;

/// <summary>
/// Demo web watch for Guangzhou: suspects in every state, a ring of five sites held by one registrant (as the real
/// registrant of 3,889 domains), and listings on sales platforms. Names are made up on the fakes' patterns.
/// </summary>
public static class WebWatchDemo
{
    private const string Officer = "gz.cyberspace";

    private static readonly string[] RingDomains = ["mem-gov.cn", "memgov-cx.com", "tzzycx.com", "cx-mem-gov.top", "tezhongzuoye-chaxun.xyz"];

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var city = DemoOrganisations.DemoCity;
        var ring = Guid.CreateVersion7(now.AddDays(-40));
        Suspect Site(string domain, string source, int score, int daysAgo, string? registrant = null, string? contacts = null) =>
            new(city, SuspectKind.Website, domain, $"http://{domain}/", source, score, Officer, now.AddDays(-daysAgo))
            {
                Registrant = registrant, Contacts = contacts, ClusterId = registrant == RingRegistrant ? ring : null, Addresses = registrant == RingRegistrant ? "203.0.113.45" : null,
                NameServers = registrant == RingRegistrant ? "ns1.cheap-dns.example, ns2.cheap-dns.example" : null,
            };

        // The ring: five sites, one registrant, one address, one WeChat number.
        var ringSites = RingDomains.Select((d, i) => Site(d, SuspectSources.Lookalike, 95 - i, 40 - i, RingRegistrant, "wechat:tzzy_banzheng8, tel:13800000000")).ToList();
        var found = Site("mem-gov-cn.com", SuspectSources.Lookalike, 95, 2);
        var ct1 = Site("caozuozheng-chaxun.cc", SuspectSources.CertificateTransparency, 95, 3);
        var report = Site("gd-tzzy.net", SuspectSources.PublicReport, 60, 1);
        var dismissed = Site("cxmem.com", SuspectSources.Lookalike, 70, 20);
        dismissed.Verify(false, "个人博客，与证书查询无关", Officer, now.AddDays(-19));
        var listing1 = new Suspect(city, SuspectKind.Listing, "https://2.taobao.example/item/8812", "https://2.taobao.example/item/8812", SuspectSources.Listing, 80, Officer, now.AddDays(-15))
        { Platform = "闲鱼", Note = "电工证 免考包过 联网可查", Contacts = "wechat:tzzy_banzheng8" };
        var listing2 = new Suspect(city, SuspectKind.Listing, "douyin:live/7712", "https://www.douyin.example/live/7712", SuspectSources.Listing, 75, Officer, now.AddDays(-6))
        { Platform = "抖音", Note = "直播间售卖焊工证，快速拿证" };

        // States along the lifecycle: ring sites confirmed, referred, closed, ended and reopened.
        ringSites[0].Verify(true, "仿冒应急管理部查询页面，无ICP备案", Officer, now.AddDays(-39));
        ringSites[1].Verify(true, "页面与官方查询页相似度 92", Officer, now.AddDays(-38));
        ringSites[1].MarkReferred(now.AddDays(-37));
        ringSites[2].Verify(true, "出售特种作业操作证，冒称全国联网可查", Officer, now.AddDays(-37));
        ringSites[2].MarkReferred(now.AddDays(-36));
        ringSites[2].Dispose(DisposalOutcome.Closed, Core.Time.ChinaTime.DateOf(now.AddDays(-30)), "穗网信关停〔2026〕3号", TimeSpan.FromDays(30), now.AddDays(-30));
        ringSites[3].Verify(true, "同一注册人的仿冒站点", Officer, now.AddDays(-36));
        ringSites[3].MarkReferred(now.AddDays(-35));
        ringSites[3].Dispose(DisposalOutcome.Blocked, Core.Time.ChinaTime.DateOf(now.AddDays(-34)), "穗网信屏蔽〔2026〕5号", TimeSpan.FromDays(1), now.AddDays(-34));
        ringSites[3].Recheck(false, now.AddDays(-33));
        ringSites[4].Verify(true, "同一注册人的仿冒站点", Officer, now.AddDays(-35));
        ringSites[4].MarkReferred(now.AddDays(-34));
        ringSites[4].Dispose(DisposalOutcome.Closed, Core.Time.ChinaTime.DateOf(now.AddDays(-33)), "穗网信关停〔2026〕4号", TimeSpan.FromDays(1), now.AddDays(-33));
        ringSites[4].Recheck(true, now.AddDays(-3));
        listing1.Verify(true, "售卖电工证，宣称免考包过", Officer, now.AddDays(-14));
        listing1.MarkReferred(now.AddDays(-14));
        listing1.Dispose(DisposalOutcome.Delisted, Core.Time.ChinaTime.DateOf(now.AddDays(-10)), "平台下架回执 XY-20261126-01", TimeSpan.FromDays(30), now.AddDays(-10));

        db.Suspects.AddRange([.. ringSites, found, ct1, report, dismissed, listing1, listing2]);
        db.SuspectReferrals.Add(new SuspectReferral(ringSites[1].Id, ReferralDepartments.Cyberspace, "请予关停", Officer, now.AddDays(-37)));
        db.SuspectReferrals.Add(new SuspectReferral(ringSites[2].Id, ReferralDepartments.Telecom, "请通知接入商停止接入", Officer, now.AddDays(-36)));
        db.SuspectReferrals.Add(new SuspectReferral(ringSites[3].Id, ReferralDepartments.Cyberspace, "请予屏蔽", Officer, now.AddDays(-35)));
        db.SuspectReferrals.Add(new SuspectReferral(ringSites[4].Id, ReferralDepartments.Cyberspace, "请予关停", Officer, now.AddDays(-34)));
        // Market regulation filed a case on the first listing (row 33); the live-stream sale waits for its answer.
        var sale = new SuspectReferral(listing1.Id, ReferralDepartments.MarketRegulation, "网售证书、虚假宣传", Officer, now.AddDays(-14));
        sale.RecordAnswer(ReferralAnswer.CaseFiled, "穗市监立〔2026〕118号", "对店铺经营者立案查处", "gz.market", now.AddDays(-9));
        db.SuspectReferrals.Add(sale);
        listing2.Verify(true, "直播间售卖焊工证，宣称不用考试", Officer, now.AddDays(-2));
        listing2.MarkReferred(now.AddDays(-2));
        db.SuspectReferrals.Add(new SuspectReferral(listing2.Id, ReferralDepartments.MarketRegulation, "直播售证、虚假宣传", Officer, now.AddDays(-2)));
        var lead = new InspectionLead(city, LeadSources.Website, "仿冒网站团伙（5个域名，同一注册人）涉嫌伪造、买卖国家机关证件", Officer, now.AddDays(-36)) { SourceId = ringSites[2].Id };
        db.InspectionLeads.Add(lead);
        db.SuspectReferrals.Add(new SuspectReferral(ringSites[2].Id, ReferralDepartments.Police, "团伙作案，涉嫌刑法第280条", Officer, now.AddDays(-36)) { LeadId = lead.Id });
        await db.SaveChangesAsync(ct);
    }

    private const string RingRegistrant = "王某某（demo-ring@example.com）";
}
