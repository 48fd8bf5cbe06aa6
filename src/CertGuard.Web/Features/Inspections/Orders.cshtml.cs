using CertGuard.Core;
using CertGuard.Core.Inspections;
using CertGuard.Core.Time;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Inspections;

/// <summary>/orders: the orders to correct addressed to the signed-in organisation, each with its report form. Overdue ones are flagged.</summary>
[Authorize(Policy = InspectionAccess.OrdersPolicy)]
public sealed class OrdersModel(InspectionQueries queries, InspectionDesk desk, TimeProvider clock) : PageModel, IShowsRefusals
{
    public IReadOnlyList<CorrectionOrder> Orders { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReportAsync(Guid id, string? text, int version, CancellationToken ct)
    {
        await desk.ReportAsync(id, new ReportRequest(text, version), ct);
        Message = "Insp.Order.Reported";
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Orders = await queries.OrdersAsync(overdueOnly: false, ct);
    }
}
