using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Core.Organisations;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.Transfers;

/// <summary>
/// Demo transfers in every state, from the demo cases of forged certificates: the decided or closed ones are transferred
/// (filed with two suspects and one den, refused and contested…) or refused by the head with a reason, except one
/// Guangzhou case left decided with a fine only, flagged as a possible 以罚代刑; the states still missing get new
/// Guangzhou cases of their own. Runs after the cases demo.
/// </summary>
public static class TransfersDemo
{
    private const string Officer = "demo:transfers";
    private const string Police = "demo:police";
    private const string Guangzhou = "440100";

    // Resolving states first (they clear a decided case's flag), then the two that do not.
    private static readonly TransferState[] States =
    [
        TransferState.Filed, TransferState.Transferred, TransferState.Accepted, TransferState.ReconsiderationAsked, TransferState.NotFiled,
        TransferState.ProcuratorateAsked, TransferState.Refused, TransferState.Approved, TransferState.Reported,
    ];

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, IReadOnlyList<Organisation> organisations, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var codes = CriminalSuspicion.ViolationCodes;
        var all = await db.EnforcementCases.IgnoreQueryFilters().Include(c => c.Fines).ToListAsync(ct);
        var suspect = all.Where(c => c.ViolationCodes.Any(codes.Contains)).ToList();
        var decided = suspect.Where(c => c.DecidedAt is not null || c.IsClosed)
            .OrderBy(c => c.RegionCode == Guangzhou ? 0 : 1).ThenBy(c => c.OpenedAt).ToList();
        // The one left flagged: a Guangzhou case decided with a fine and no transfer.
        var flagged = decided.LastOrDefault(c => c.RegionCode == Guangzhou);
        var queue = new Queue<TransferState>(States);
        foreach (var c in decided.Where(c => c != flagged))
        {
            var state = queue.Count > 0 && queue.Peek() <= TransferState.ProcuratorateAsked && queue.Peek() is not (TransferState.Approved or TransferState.Reported)
                ? queue.Dequeue() : TransferState.Filed;
            await SeedOneAsync(db, c, state, now, ct);
        }
        var authority = organisations.FirstOrDefault(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == Guangzhou);
        if (authority is null) return;
        var n = 0;
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var at = now.AddDays(-(12 + n * 3));
            var lead = new InspectionLead(Guangzhou, LeadSources.Inspection, $"演示：执法检查发现伪造的特种作业操作证（{n + 1}）", Officer, at);
            db.InspectionLeads.Add(lead);
            var c = new EnforcementCase(new CaseOpening(Guangzhou, authority.Id, authority.Name, "持伪造的特种作业操作证上岗作业（涉嫌犯罪）",
                Person(n), null, null, [], ["HOLDER-FORGED-CERTIFICATE"], [lead.Id], LifeOrSafety: true, ChinaTime.DateOf(at).AddDays(-1)), Officer, at);
            lead.OpenCase(c.Id, Officer, at);
            c.ApproveFiling(Officer, at.AddHours(2));
            db.EnforcementCases.Add(c);
            await db.SaveChangesAsync(ct);
            await SeedOneAsync(db, c, state, now, ct);
            n++;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Person(int n) => new[] { "刘某", "郑某", "何某", "孙某", "马某", "朱某", "胡某", "郭某", "林某" }[n % 9];

    private static async Task SeedOneAsync(CertGuardDbContext db, EnforcementCase c, TransferState target, DateTimeOffset now, CancellationToken ct)
    {
        // Reported a little after the case opened; the steps follow within their clocks, the latest ones still running.
        var reported = Max(c.OpenedAt.AddDays(1), now.AddDays(-10));
        var at = reported;
        DateTimeOffset Next(double hours) => at = Min(at.AddHours(hours), now.AddMinutes(-5));
        var report = new TransferReport(["李执法", "王执法"], TransferReason.ForgedCertificate,
            $"{CaseOfficialDocuments.Party(c)}持有的特种作业操作证经全国联网查询无此证，系伪造，当事人供述系通过网络向他人购买。",
            "经调查，当事人于现场检查时出示的特种作业操作证经国家平台核验不存在，证件防伪特征与真证不符，当事人承认系以800元向网络卖家购买。",
            [new SeizedItem("伪造的特种作业操作证", 1 + (c.Id.GetHashCode() & 1)), new SeizedItem("快递包装及付款截图打印件", 1)],
            "发证机关出具的证件真伪鉴定意见：该证件非本机关制发，系伪造。",
            "现场检查记录、现场照片、询问笔录、国家平台查询截图、付款记录。");
        var t = new CaseTransfer(c.Id, c.RegionCode, c.AuthorityName, c.Title, CaseOfficialDocuments.Party(c), report, Officer, reported);
        db.CaseTransfers.Add(t);
        if (target == TransferState.Reported) return;
        if (target == TransferState.Refused)
        {
            t.Refuse("经审查，当事人所持证件系他人冒用真实证件（转借），不属伪造、变造、买卖国家机关证件，不移送，依法给予行政处罚。", "demo:lead", Next(30));
            return;
        }
        t.Approve("demo:lead", Next(30));
        if (target == TransferState.Approved) return;
        var pattern = DocumentNumberPattern.ForCity(c.RegionCode)!;
        var number = await DocumentNumbers.NextNumberAsync(db, pattern.Prefix, pattern, CaseDocumentKind.TransferLetter, ChinaTime.DateOf(at).Year, ct);
        t.Send(number, Officer, Next(6));
        if (target == TransferState.Transferred) return;
        t.Accept(Police, Next(10));
        if (target == TransferState.Accepted) return;
        var file = target == TransferState.Filed;
        t.Decide(file, file ? "有犯罪事实需要追究刑事责任，决定立案侦查。" : "现有证据不足以证明有犯罪事实，不予立案。", file ? "穗公（经）立字〔2026〕" + (100 + (c.Id.GetHashCode() & 63)) + "号" : null, Police, Next(30));
        t.Notify(Next(20));
        if (file)
        {
            t.RecordCounts(new CampaignCounts(2, 1, 0, 12, FakeChannel.Website, null), Police, Next(48));
            return;
        }
        if (target == TransferState.NotFiled) return;
        if (target == TransferState.ProcuratorateAsked)
        {
            t.AskProcuratorate("已将不予立案决定及案卷材料抄送同级人民检察院，建议依法进行立案监督。", Officer, Next(30));
            return;
        }
        t.AskReconsideration("证件系伪造，经发证机关鉴定确认，伪造国家机关证件罪不以数额为要件，请予复议。", Officer, Next(30));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
