using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.TypicalCases;

/// <summary>Three published typical cases on the demo's closed cases, so the public page and the feed show something real.</summary>
public static class TypicalCasesDemo
{
    private static readonly (string Title, string Facts, string Penalty, int DaysAgo)[] Summaries =
    [
        ("某建筑公司使用伪造特种作业操作证人员从事电工作业案",
            "执法人员在对某建筑工程有限公司开展执法检查时，通过扫描证书二维码和官方查询平台核验，发现该公司2名电工所持特种作业操作证系伪造。经查，该公司在招用时未核验证书真伪，安排上述人员从事低压电工作业。",
            "对该公司处以警告并罚款2万元；对持伪造证书的陈某、黄某分别处以警告并罚款2000元；伪造证书的线索已移送公安机关。",
            20),
        ("某制造企业安排未取得特种作业操作证人员上岗作业案",
            "执法人员在某制造企业检查时发现，该企业1名焊工未取得特种作业操作证即从事熔化焊接与热切割作业，构成重大事故隐患。",
            "依据《安全生产法》第九十七条第七项，责令该企业限期改正并罚款3万元；复查时已整改到位。",
            12),
        ("李某转借特种作业操作证供他人使用案",
            "执法人员在核查证书使用记录时发现，同一证书在两家用人单位被同时核验。经查，持证人李某将本人的高处作业操作证转借给他人使用。",
            "对李某处以警告并罚款3000元，并提请发证机关依法处理其证书。",
            5),
    ];

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var closed = await db.EnforcementCases.Where(c => c.Stage == CaseStage.Closed).OrderBy(c => c.ClosedAt)
            .Select(c => new { c.Id, c.RegionCode, c.PersonName, c.DecidedAt }).ToListAsync(ct);
        if (closed.Count == 0) return;
        var now = clock.GetUtcNow();
        for (var i = 0; i < Summaries.Length; i++)
        {
            var (title, facts, penalty, daysAgo) = Summaries[i];
            var c = closed[i % closed.Count];
            var drafted = now.AddDays(-daysAgo - 4);
            var typical = new TypicalCase(c.Id, c.RegionCode, ChinaTime.DateOf(c.DecidedAt ?? drafted), title, facts, penalty, "demo:cases", drafted);
            string?[] names = [c.PersonName];
            typical.Submit(names, drafted.AddHours(2));
            typical.ApproveByCity(names, "demo:city-office", drafted.AddDays(1));
            typical.Publish(names, "demo:province-office", now.AddDays(-daysAgo));
            db.TypicalCases.Add(typical);
        }
        await db.SaveChangesAsync(ct);
    }
}
