using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Campaigns.Reports;
using CertGuard.Web.Features.Workbench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Statistics;

/// <summary>
/// The 25th on the workbench: a city office sees its month's report due (from a few days before) and any late one;
/// the province office sees submitted reports waiting for its decision and how many cities are late.
/// </summary>
public sealed class ReportWorkItems(CertGuardDbContext db, TimeProvider clock, IOptions<ReportOptions> options) : IWorkbenchItems
{
    public string? Policy => StatisticsAccess.Policy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var month = new DateOnly(today.Year, today.Month, 1);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.StartsOn <= today && c.EndsOn >= month).Select(c => c.Id).ToListAsync(ct);
        if (campaigns.Count == 0) return [];
        var reports = db.MonthlyReports.AsNoTracking().Where(r => campaigns.Contains(r.CampaignId));
        if (scope.Role == Role.ProvinceOffice)
        {
            var waiting = await reports.CountAsync(r => r.State == MonthlyReportState.Submitted, ct);
            var late = await reports.CountAsync(r => r.Late && (r.State == MonthlyReportState.Draft || r.State == MonthlyReportState.Returned), ct);
            return
            [
                new("reports-waiting", "Workbench.ReportsWaiting", waiting, "/statistics"),
                new("reports-late", "Workbench.ReportsLate", late, "/statistics", Urgent: true),
            ];
        }
        // A city office: this month's report once its reminder window opens, unless submitted; late ones are urgent.
        var submitted = await reports.AnyAsync(r => r.Month == month && r.SubmittedAt != null && r.State != MonthlyReportState.Returned, ct);
        var dueSoon = !submitted && now >= MonthlyReport.DueFor(month).AddDays(-options.Value.RemindDaysBefore - 1) && now < MonthlyReport.DueFor(month) ? campaigns.Count : 0;
        var overdue = await reports.CountAsync(r => r.Late && (r.State == MonthlyReportState.Draft || r.State == MonthlyReportState.Returned), ct);
        var returned = await reports.CountAsync(r => r.State == MonthlyReportState.Returned, ct);
        return
        [
            new("report-due", "Workbench.ReportDue", dueSoon, "/statistics"),
            new("report-returned", "Workbench.ReportReturned", returned, "/statistics", Urgent: true),
            new("report-late", "Workbench.ReportLate", overdue, "/statistics", Urgent: true),
        ];
    }
}
