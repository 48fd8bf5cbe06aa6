using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Demo;

/// <summary>
/// Leads in the demo cities so the inbox shows real work on a fresh start: every source, open ones of different ages,
/// a "no action" waiting for the enforcement lead, and leads closed by referral, merge and approved no action. Leads
/// closed by a case come from the cases module's own demo, which opens its cases from leads.
/// </summary>
internal static class LeadsDemo
{
    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, IReadOnlyList<Organisation> organisations, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var employers = organisations.Where(o => o.Kind == Role.Employer.Id).ToList();
        var gzEmployers = employers.Where(o => o.RegionCode == DemoOrganisations.DemoCity).ToList();
        var institution = organisations.FirstOrDefault(o => o.Kind == Role.TrainingInstitution.Id);
        var certificates = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.RegionCode == DemoOrganisations.DemoCity).OrderBy(c => c.Number).Take(8).ToListAsync(ct);
        if (gzEmployers.Count < 2 || institution is null || certificates.Count < 6) return;

        InspectionLead Lead(string city, string source, string summary, int daysAgo, string by, Certificate? certificate = null, Organisation? organisation = null) =>
            new(city, source, summary, by, now.AddDays(-daysAgo).AddHours(-daysAgo % 5))
            {
                CertificateNumber = certificate?.Number, CertificateId = certificate?.Id, OrganisationId = organisation?.Id, SourceId = Guid.CreateVersion7(),
            };
        string Masked(Certificate c) => ResidentIdNumber.Mask(c.Number);

        var gz = DemoOrganisations.DemoCity;
        var (a, b) = (gzEmployers[0], gzEmployers[1]);
        var leads = new List<InspectionLead>
        {
            Lead(gz, LeadSources.Signal, $"一证多单位使用：证书（证号 {Masked(certificates[0])}）在重叠期间被“{a.Name}”和“{b.Name}”查验，疑似转借。", 21, "gz.office", certificates[0], a),
            Lead(gz, LeadSources.Roster, $"用人单位“{a.Name}”名册自查发现疑似假证：焊工一名（证号 {Masked(certificates[1])}），姓名与登记库不符。", 14, "gz.employer", certificates[1], a),
            Lead(gz, LeadSources.ReviewCheck, $"“{institution.Name}”复审核验拦截：申请人所持电工作业证登记库中没有，疑似伪造。", 9, "gz.training", organisation: institution),
            Lead(gz, LeadSources.Inspection, $"执法检查发现“{b.Name}”一名高处作业人员无证上岗，需立案查处。", 6, "gz.inspector", organisation: b),
            Lead(gz, LeadSources.Tip, "群众举报：某微信群有人兜售“免考包过”特种作业操作证，附聊天截图。", 4, "gz.office"),
            Lead(gz, LeadSources.Website, "网络巡查：网站“tezhongzheng-ban.example”提供特种作业操作证“加急办理、可查可验”。", 3, "gz.cyberspace"),
            Lead(gz, LeadSources.Police, $"公安机关移交：查获的制售假证团伙账本显示，“{b.Name}”员工一名曾购买焊工证（证号 {Masked(certificates[2])}）。", 2, "gz.police", certificates[2], b),
            Lead(gz, LeadSources.Signal, $"姓名与证号不符：证号 {Masked(certificates[3])} 两周内被以他人姓名查询 3 次。", 1, "gz.office", certificates[3]),
        };
        // Awaiting the enforcement lead: an inspector found nothing to act on.
        var awaiting = Lead(gz, LeadSources.Signal, $"一证多单位使用：证书（证号 {Masked(certificates[4])}）被两家单位查验。", 12, "gz.office", certificates[4]);
        awaiting.ProposeNoAction("经核实，持证人先后在两家单位任职，查验时间未重叠，无违法行为。", "gz.inspector", now.AddDays(-2));
        // Closed three ways.
        var referred = Lead(gz, LeadSources.Website, "网络巡查：某电商店铺销售“特种作业操作证”空白证卡。", 30, "gz.cyberspace");
        referred.Refer(LeadDepartments.MarketRegulation, "涉及网络商品交易，移交市场监管部门查处店铺。", "gz.enforcement", now.AddDays(-25));
        var toPolice = Lead(gz, LeadSources.Tip, "群众举报：白云区某打印店承接伪造操作证制作。", 28, "gz.office");
        toPolice.Refer(LeadDepartments.Police, "涉嫌伪造国家机关证件（刑法第280条），移交公安机关。", "gz.enforcement", now.AddDays(-26));
        var merged = Lead(gz, LeadSources.Signal, $"一证多单位使用：证书（证号 {Masked(certificates[0])}）被“{b.Name}”查验。", 20, "gz.office", certificates[0], b);
        merged.MergeInto(leads[0], "gz.inspector", now.AddDays(-19));
        var noAction = Lead(gz, LeadSources.Roster, $"用人单位“{b.Name}”名册自查：电工一名（证号 {Masked(certificates[5])}）证书信息与登记库不一致。", 40, "gz.employer", certificates[5], b);
        noAction.ProposeNoAction("经核实为单位录入错误，证书真实有效，已更正名册。", "gz.inspector", now.AddDays(-36));
        noAction.ApproveNoAction("gz.enforcement", now.AddDays(-35));
        leads.AddRange([awaiting, referred, toPolice, merged, noAction]);

        // Other demo cities have work too (the province office reads them all).
        foreach (var employer in employers.Where(e => e.RegionCode != gz).Take(4))
        {
            leads.Add(Lead(employer.RegionCode, LeadSources.Roster, $"用人单位“{employer.Name}”名册自查发现疑似假证一本，待核查。", 5 + leads.Count % 7, "demo", organisation: employer));
        }
        db.InspectionLeads.AddRange(leads);
        await db.SaveChangesAsync(ct);
    }
}
