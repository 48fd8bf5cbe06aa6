using CertGuard.Core.Campaigns;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Campaigns.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Statistics;

/// <summary>The drill-down: the records one computed figure counts (exactly those), each opening its own page.</summary>
[Authorize(Policy = StatisticsAccess.Policy)]
public sealed class RecordsModel(ReportDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public string City { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Month { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    public ReportView View { get; private set; } = null!;
    public StatisticsIndicator Indicator { get; private set; } = null!;
    public IReadOnlyList<IndicatorRecord>? Records { get; private set; }
    public decimal? Figure { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (View, Records) = await desk.RecordsAsync(CampaignId, City, StatisticsAccess.ParseMonth(Month), Code, ct);
        var line = View.Lines.Single(l => l.Code == Code);
        Indicator = line.Indicator;
        Figure = line.Computed;
    }
}
