using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Campaigns.Reports;

/// <summary>What one deadline sweep did: reports opened and flagged late, implementation plans flagged late.</summary>
public sealed record DeadlineRun(int Created, int Flagged, int PlansFlagged = 0);

/// <summary>
/// Makes the 25th act: for every running campaign and every month whose deadline has passed, each city's report is
/// there (a missing one is opened as a draft) and, if still not submitted, flagged late (逾期) for the province.
/// Runs as the platform (the daily job), so it sees every city.
/// </summary>
public sealed class ReportDeadlines(CertGuardDbContext db, TimeProvider clock)
{
    public async Task<DeadlineRun> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.StartsOn <= today).ToListAsync(ct);
        int created = 0, flagged = 0;
        foreach (var campaign in campaigns)
        {
            // A month is due once its 25th has passed; the sweep keeps looking a month past the campaign's end.
            var months = ReportDesk.Months(campaign, today).Where(m => MonthlyReport.DueFor(m) <= now).ToList();
            foreach (var month in months)
            {
                var reports = await db.MonthlyReports.Where(r => r.CampaignId == campaign.Id && r.Month == month).ToDictionaryAsync(r => r.CityCode, ct);
                var cutOffs = (await db.MonthlyReports.AsNoTracking().Where(r => r.CampaignId == campaign.Id && r.Month < month && r.CutOff != null)
                        .Select(r => new { r.CityCode, r.CutOff }).ToListAsync(ct))
                    .GroupBy(r => r.CityCode).ToDictionary(g => g.Key, g => g.Max(r => r.CutOff!.Value));
                foreach (var city in RegionDirectory.Guangdong.Cities)
                {
                    if (!reports.TryGetValue(city.Code, out var report))
                    {
                        report = new MonthlyReport(campaign.Id, city.Code, month, ReportDesk.PeriodStarts(campaign, cutOffs.TryGetValue(city.Code, out var c) ? c : null));
                        db.MonthlyReports.Add(report);
                        created++;
                    }
                    if (report.FlagIfOverdue(now)) flagged++;
                }
                await db.SaveChangesAsync(ct);
            }
        }
        return new DeadlineRun(created, flagged);
    }
}
