using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Supervision;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement.Supervision;

/// <summary>
/// Demo supervised cases on open demo cases: one the province put under supervision 75 days ago, now past its deadline
/// with a late report; one Guangzhou's office supervises with a recent report; one of another city, newly placed.
/// </summary>
public static class SupervisionDemo
{
    private const string Province = "demo:province-office";
    private const string CityOffice = "demo:city-office";
    private const string Officer = "demo:cases";

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, ReferenceDataVersion rules, CancellationToken ct)
    {
        var deadlineDays = rules.TimeLimit("SUPERVISION-DEADLINE")?.Amount ?? throw new InvalidOperationException("SUPERVISION-DEADLINE missing");
        var interval = rules.TimeLimit("SUPERVISION-REPORT")?.Amount ?? throw new InvalidOperationException("SUPERVISION-REPORT missing");
        var open = await db.EnforcementCases.Where(c => c.Stage != CaseStage.Closed).OrderBy(c => c.OpenedAt)
            .Select(c => new { c.Id, c.RegionCode, c.Title }).ToListAsync(ct);
        var guangzhou = open.Where(c => c.RegionCode == "440100").ToList();
        var other = open.FirstOrDefault(c => c.RegionCode != "440100");
        if (guangzhou.Count < 2) return;
        var now = clock.GetUtcNow();
        var province = RegionDirectory.Guangdong.Province.Code;

        SupervisedCase Place(Guid caseId, string city, string title, bool byProvince, int daysAgo, string requirements)
        {
            var at = now.AddDays(-daysAgo);
            var s = new SupervisedCase(new SupervisionNotice(caseId, city, title, byProvince ? province : city, byProvince,
                ChinaTime.DateOf(at).AddDays(deadlineDays), interval, requirements), byProvince ? Province : CityOffice, at);
            db.SupervisedCases.Add(s);
            return s;
        }

        var overdue = Place(guangzhou[0].Id, "440100", guangzhou[0].Title, byProvince: true, daysAgo: deadlineDays + 15,
            "查清假证来源和销售渠道，涉嫌犯罪的及时移送公安机关；依法从重处罚；按期报送进展。");
        overdue.Report("已完成现场检查和询问，正在调取证书购买记录。", Officer, now.AddDays(-(deadlineDays + 15 - interval)));
        var city = Place(guangzhou[1].Id, "440100", guangzhou[1].Title, byProvince: false, daysAgo: 20,
            "督促用人单位全面自查特种作业人员持证情况，逐人建档。");
        city.Report("用人单位已提交自查报告，执法人员正在逐人核对。", Officer, now.AddDays(-5));
        if (other is not null)
            Place(other.Id, other.RegionCode, other.Title, byProvince: true, daysAgo: 3, "查明违法事实，依法处理，每半月报送一次进展。");
        await db.SaveChangesAsync(ct);
    }
}
