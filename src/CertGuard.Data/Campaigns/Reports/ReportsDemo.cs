using CertGuard.Core.Campaigns;
using CertGuard.Core.Campaigns.Reports;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;

namespace CertGuard.Data.Campaigns.Reports;

/// <summary>
/// The demo's monthly reports: last month submitted by most cities (their computed figures are counted over the fixed
/// window on first view), 深圳 late (逾期), 珠海 returned and resubmitted; this month a draft in every city.
/// </summary>
internal static class ReportsDemo
{
    public const string LateCity = "440300";
    public const string ReturnedCity = "440400";

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var campaign = CampaignsDemo.Current(clock);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var months = ReportDesk.Months(campaign, today);
        if (months.Count < 2) return;
        var (previous, current) = (months[^2], months[^1]);
        DateTimeOffset On(int day, int hour) => new DateTimeOffset(previous.Year, previous.Month, day, hour, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var cutOffs = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var index = 0;
        foreach (var city in RegionDirectory.Guangdong.Cities)
        {
            index++;
            var report = new MonthlyReport(campaign.Id, city.Code, previous, ReportDesk.PeriodStarts(campaign, null));
            db.MonthlyReports.Add(report);
            if (city.Code == LateCity)
            {
                report.FlagIfOverdue(now);
                continue;
            }
            report.WriteText($"{city.Name}本月组织开展用人单位自查自纠和持证上岗执法检查，召开专项治理推进会，向公安机关通报制假售假线索。（演示）");
            foreach (var (code, value, note) in new[] { ("46", 2m + index % 5, "市安委办宣传活动台账（演示）"), ("47", 300m + 50 * index, "宣传资料发放登记表（演示）") })
            {
                var row = new ReportFigure(report.Id, city.Code, code);
                row.Enter(value, note);
                db.ReportFigures.Add(row);
            }
            var at = On(15 + index % 8, 10);
            report.Submit($"{city.Code}.office", at);
            if (city.Code == ReturnedCity)
            {
                report.Return("宣传资料发放数缺少登记表附件，请补充后重报。（演示）", "gd.province", at.AddDays(1));
                at = at.AddDays(2);
                report.Submit($"{city.Code}.office", at);
            }
            else if (index % 3 == 0)
                report.Accept("gd.province", at.AddDays(1));
            cutOffs[city.Code] = at;
        }
        foreach (var city in RegionDirectory.Guangdong.Cities)
            db.MonthlyReports.Add(new MonthlyReport(campaign.Id, city.Code, current, ReportDesk.PeriodStarts(campaign, cutOffs.TryGetValue(city.Code, out var c) ? c : null)));
        await db.SaveChangesAsync(ct);
    }
}
