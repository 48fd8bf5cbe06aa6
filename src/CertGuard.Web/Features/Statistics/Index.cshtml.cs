using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Statistics;

/// <summary>
/// The statistics table for a month: the province sees the 21 cities and 全省合计 with each city's submission state;
/// a city office sees its own row. Each row opens the city's report; the sheet downloads as XLSX and prints on A4.
/// </summary>
[Authorize(Policy = StatisticsAccess.Policy)]
public sealed class IndexModel(CertGuardDbContext db, StatisticsSheet sheets, IActor actor, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public bool Cumulative { get; set; }

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];
    public ProvinceSheet? Sheet { get; private set; }
    public bool IsProvince => actor.Scope?.SeesWholeProvince == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        Campaigns = await db.Campaigns.AsNoTracking().Where(c => c.StartsOn <= today).OrderByDescending(c => c.StartsOn).ToListAsync(ct);
        var campaign = Campaigns.FirstOrDefault(c => c.Id == Campaign) ?? (Campaigns.Count > 0 ? Campaigns[0] : null);
        if (campaign is null) return Page();
        Campaign = campaign.Id;
        Months = ReportDesk.Months(campaign, today);
        var month = Month is null ? Months[^1] : StatisticsAccess.ParseMonth(Month);
        Month = StatisticsAccess.Format(month);
        Sheet = await sheets.BuildAsync(campaign.Id, month, null, ct);
        return Page();
    }
}
