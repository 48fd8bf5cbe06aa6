using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Clocks;
using CertGuard.Data.Enforcement.Cases;
using CertGuard.Web.Features.Workbench;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>Cases waiting for filing approval, and cases whose next legal clock is running out or has run out.</summary>
public sealed class CaseWorkItems(CaseDesk desk) : IWorkbenchItems
{
    public string? Policy => CaseAccess.Policy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        // The desk's list already reads every case's clocks in scope (the soonest first); count from it.
        var cases = await desk.ListAsync(null, ct);
        var filing = cases.Count(c => c.Stage == CaseStage.Filing && !c.FilingApproved);
        var warning = cases.Count(c => c.NextClock?.Reading.State == ClockState.Warning);
        var overdue = cases.Count(c => c.NextClock?.Reading.State == ClockState.Overdue);
        return
        [
            new("cases-filing", "Workbench.CasesFiling", filing, "/cases?stage=Filing", Urgent: scope.Role == Role.EnforcementLead && filing > 0),
            new("cases-clock-warning", "Workbench.CasesClockWarning", warning, "/cases"),
            new("cases-clock-overdue", "Workbench.CasesClockOverdue", overdue, "/cases", Urgent: true),
        ];
    }
}
