using CertGuard.Core.Accounts;
using CertGuard.Data.Enforcement.Supervision;
using CertGuard.Web.Features.Workbench;

namespace CertGuard.Web.Features.Enforcement.Supervision;

/// <summary>Supervised cases past their deadline, and progress reports that are late: both already late, so urgent.</summary>
public sealed class SupervisionWorkItems(SupervisionDesk desk) : IWorkbenchItems
{
    public string? Policy => SupervisionAccess.Policy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var list = await desk.ListAsync(ct);
        var overdue = list.Count(s => s.Overdue);
        var reports = list.Count(s => s.ReportOverdue);
        return
        [
            new("supervision-overdue", "Workbench.SupervisionOverdue", overdue, "/supervision", Urgent: overdue > 0),
            new("supervision-report-overdue", "Workbench.SupervisionReportOverdue", reports, "/supervision", Urgent: reports > 0),
        ];
    }
}
