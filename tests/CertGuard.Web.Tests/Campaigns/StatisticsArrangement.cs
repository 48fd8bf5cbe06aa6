using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.Inspections;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Verification;
using CertGuard.Core.WebWatch;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Testing;
using CertGuard.Web.Tests.Inspections;
using CertGuard.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Campaigns;

/// <summary>An account's view for the calculator: its role and region, as the scope filters read them.</summary>
internal sealed record TestActor(string Name, AccessScope? Scope) : IActor;

/// <summary>
/// Arranges, at the moment it runs, one record (or a few) behind every figure 1–32 for one city, as the modules
/// write them, and computes the figures as an account would.
/// </summary>
internal static class StatisticsArrangement
{
    public const string Officer = "test:statistics";

    public static readonly IActor Province = new TestActor("test.province", new AccessScope(Role.ProvinceOffice, "440000", null));

    public static IActor CityOffice(string city) => new TestActor("test.city", new AccessScope(Role.CityOffice, city, null));

    public static async Task<IReadOnlyDictionary<string, Core.Campaigns.StatisticsFigures>> ComputeAsync(this CertGuardApp app, IActor actor, IndicatorWindow window)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(actor);
        return await scope.ServiceProvider.GetRequiredService<StatisticsCalculator>().ComputeAsync(window, CancellationToken.None);
    }

    public static async Task<IReadOnlyList<IndicatorRecord>> ListAsync(this CertGuardApp app, IActor actor, string code, string city, IndicatorWindow window)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(actor);
        var list = scope.ServiceProvider.GetRequiredService<StatisticsCalculator>().ListAsync(code, city, window, CancellationToken.None);
        Assert.NotNull(list);
        return await list;
    }

    /// <summary>The national platform reads the change feed to its end (its pulls are what code 26 counts).</summary>
    public static async Task PullExchangeAsync(this CertGuardApp app)
    {
        var client = app.ApiClient(Role.NationalExchange.Id);
        var url = "/api/v1/exchange/changes?limit=5000";
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            if (!page.GetProperty("hasMore").GetBoolean()) return;
            url = $"/api/v1/exchange/changes?limit=5000&since={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}";
        }
    }

    /// <summary>Records behind every figure 1–32 of Guangzhou (the demo employer and institution), now.</summary>
    public static async Task ArrangeGuangzhouAsync(this CertGuardApp app)
    {
        var employer = await app.DemoEmployerAsync();
        var institution = await app.DemoInstitutionAsync();
        var clock = app.Clock();
        var today = app.Today();
        var authority = app.ApiClient(Role.IssuingAuthority.Id);
        // 25 (and 26 once pulled): a new certificate; 22: another one cancelled.
        var issued = await LifecycleSteps.IssueAsync(authority, await LifecycleSteps.NewHolderAsync(app), "1.1", today);
        var cancelled = await LifecycleSteps.IssueAsync(authority, await LifecycleSteps.NewHolderAsync(app), "3.1", today);
        Assert.Equal(LifecycleSteps.Guangzhou, issued.GetProperty("certificate").GetProperty("regionCode").GetString());

        await using var db = app.SystemDb();
        var at = clock.GetUtcNow();
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == employer || o.Id == institution).ToDictionaryAsync(o => o.Id, o => o.Name);
        var certificate = await db.Certificates.SingleAsync(c => c.Id == cancelled.GetProperty("certificate").GetProperty("id").GetGuid());
        certificate.Cancel(CancellationReason.HolderRequested, today, Officer, clock);

        // 1–3, 7, 8: a roster check with a valid worker, one without the item's certificate and one with a fake.
        var check = new RosterCheck(employer, "440100", RosterCheckKind.Upload, "statistics.csv", Officer, at);
        var valid = RosterRow.Checked(check.Id, employer, 2, "张三丰", "440106199001011234", null, Judgement(RosterVerdict.Valid));
        var wrong = RosterRow.Checked(check.Id, employer, 3, "李四光", "440106199002021234", null, Judgement(RosterVerdict.WrongItem));
        var fake = RosterRow.Checked(check.Id, employer, 4, "王五常", "440106199003031234", null, Judgement(RosterVerdict.NotFound));
        check.Summarise([valid, wrong, fake]);
        check.Supersede(); // the demo employer's current roster stays its workforce
        db.AddRange(check, valid, wrong, fake);
        // 5, 6: the employer's checks in the verification log.
        db.VerificationLog.Add(new VerificationRecord(at, VerificationChannel.RosterCheck, VerificationOutcome.NotFound, fake.Number) { OrganisationId = employer, AccountName = Officer });
        db.VerificationLog.Add(new VerificationRecord(at, VerificationChannel.QrCheck, VerificationOutcome.Valid, valid.Number) { OrganisationId = employer, AccountName = Officer });
        // 9: a rectification item confirmed by the city office.
        var item = RectificationItem.Open(fake, "440100", today.AddDays(10), at);
        item.Report("已停止其作业并报告属地执法部门", Officer, at);
        item.Confirm(null, Officer, at);
        db.Add(item);

        // 10–19: an inspection of the employer, done, with workers, findings and an order; 23: one of the institution.
        var inspection = Inspection.Plan(InspectionTarget.Employer, employer, names[employer], "440100", today, "统计测试", Officer, at);
        inspection.Start([new InspectionOfficer("执法甲", "GZ-001", null), new InspectionOfficer("执法乙", "GZ-002", null)], "广州市天河区", at, Officer);
        var met = new InspectionWorker(inspection, Key(), "赵六合", "440106199004041234", "电工", null, Judgement(RosterVerdict.Valid), null, null, Officer, at);
        var forged = new InspectionWorker(inspection, Key(), "钱七星", "440106199005051234", "焊工", null, Judgement(RosterVerdict.NotFound), null, "网上购买", Officer, at);
        var lent = new InspectionWorker(inspection, Key(), "孙八方", "440106199006061234", "焊工", null, Judgement(RosterVerdict.NameMismatch), null, null, Officer, at);
        var uncertified = new InspectionWorker(inspection, Key(), "周九州", "440106199007071234", "电工", null, Judgement(RosterVerdict.WrongItem), null, null, Officer, at);
        db.AddRange(inspection, met, forged, lent, uncertified);
        db.AddRange(
            new InspectionFinding(inspection, uncertified, FindingType.Uncertified, null, Key(), Officer, at),
            new InspectionFinding(inspection, forged, FindingType.FakeCertificate, null, Key(), Officer, at),
            new InspectionFinding(inspection, lent, FindingType.LentOrImpersonated, null, Key(), Officer, at),
            new CorrectionOrder(inspection, "建立特种作业人员档案", today.AddDays(15), today, Officer, at));
        inspection.Complete("发现问题已责令整改", at);
        var visit = Inspection.Plan(InspectionTarget.Institution, institution, names[institution], "440100", today, "统计测试", Officer, at);
        visit.Start([new InspectionOfficer("执法甲", "GZ-001", null), new InspectionOfficer("执法乙", "GZ-002", null)], "广州市越秀区", at, Officer);
        visit.Complete(null, at);
        db.Add(visit);

        // 20–21, 24: a case decided with a penalty on the employer, on a holder and on the institution.
        db.EnforcementCases.Add(DecidedCase("440100", at, names[employer],
            (PenaltyParty.Employer, names[employer], 30000), (PenaltyParty.Holder, "钱七星", 2000), (PenaltyParty.Institution, names[institution], 15000)));

        // 28–32: a fake site confirmed, referred to 网信 and closed; a sales listing confirmed and delisted.
        var site = new Suspect("440100", SuspectKind.Website, $"gd-tzzy-{Guid.NewGuid():N}.cn"[..30], "https://example.invalid/", SuspectSources.Manual, 90, Officer, at);
        site.Verify(true, "仿冒官方查询页面", Officer, at);
        db.SuspectReferrals.Add(new SuspectReferral(site.Id, ReferralDepartments.Cyberspace, "请封堵", Officer, at));
        site.MarkReferred(at);
        site.Dispose(DisposalOutcome.Closed, today, "网信函〔2026〕1号", TimeSpan.FromDays(7), at);
        var listing = new Suspect("440100", SuspectKind.Listing, $"https://item.example.invalid/{Guid.NewGuid():N}", "https://item.example.invalid/", SuspectSources.Listing, 80, Officer, at)
            { Platform = "闲鱼" };
        listing.Verify(true, "出售特种作业操作证", Officer, at);
        // 33: the listing referred to market regulation, which answers with a case of its own.
        var sale = new SuspectReferral(listing.Id, ReferralDepartments.MarketRegulation, "网售证书", Officer, at);
        sale.RecordAnswer(ReferralAnswer.CaseFiled, "穗市监立〔2026〕33号", "已立案查处店铺", "gz.market", at);
        db.SuspectReferrals.Add(sale);
        listing.MarkReferred(at);
        listing.Dispose(DisposalOutcome.Delisted, today, "平台下架回执", TimeSpan.FromDays(7), at);
        db.Suspects.AddRange(site, listing);
        await db.SaveChangesAsync();
    }

    /// <summary>A fake site of another city, confirmed now (what a city office must not count).</summary>
    public static async Task ArrangeSiteAsync(this CertGuardApp app, string city)
    {
        await using var db = app.SystemDb();
        var at = app.Clock().GetUtcNow();
        var site = new Suspect(city, SuspectKind.Website, $"tzzy-{Guid.NewGuid():N}.com"[..28], "https://example.invalid/", SuspectSources.Manual, 90, Officer, at);
        site.Verify(true, "仿冒官方查询页面", Officer, at);
        db.Suspects.Add(site);
        await db.SaveChangesAsync();
    }

    /// <summary>A case taken through filing, investigation and notice to its decision, as the desk would.</summary>
    public static EnforcementCase DecidedCase(string city, DateTimeOffset at, string organisation, params (PenaltyParty Party, string Name, long Fine)[] lines)
    {
        var c = new EnforcementCase(new CaseOpening(city, null, "广州市应急管理局", "使用伪造的特种作业操作证", "钱七星", null, organisation, [], ["TEST"], [], false), Officer, at);
        c.ApproveFiling(Officer, at);
        c.AddDocument(CaseDocumentKind.FilingApproval, Key(), "同意立案。", Officer, at);
        c.Advance(Officer, at);
        c.AddDocument(CaseDocumentKind.InquiryRecord, Key(), "问答。", Officer, at);
        c.AddDocument(CaseDocumentKind.EvidenceList, Key(), "证据。", Officer, at);
        c.Advance(Officer, at);
        c.AddDocument(CaseDocumentKind.PenaltyNotice, Key(), "拟处罚。", Officer, at);
        c.Advance(Officer, at);
        c.Decide([.. lines.Select(l => (new PenaltyLine(l.Party, l.Name, "TEST", l.Fine, "警告"), "测试依据"))], false, Officer, at);
        return c;
    }

    private static RosterJudgement Judgement(RosterVerdict verdict) => new(verdict, verdict.ChineseName(), VerificationOutcome.Valid, null);

    private static string Key() => Guid.NewGuid().ToString("N");
}
