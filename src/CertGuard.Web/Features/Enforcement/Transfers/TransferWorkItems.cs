using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Clocks;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Web.Features.Workbench;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>
/// The workbench's transfer items: reports waiting for the head, transfers waiting for the police, transfer clocks run
/// out, and the possible 以罚代刑 cases for the offices (urgent until resolved).
/// </summary>
public sealed class TransferWorkItems(TransferDesk desk) : IWorkbenchItems
{
    public string? Policy => TransferAccess.Policy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var transfers = await desk.ListAsync(null, ct);
        var items = new List<WorkbenchItem>();
        if (TransferAccess.MayApprove(scope))
            items.Add(new("transfers-approval", "Workbench.TransfersApproval", transfers.Count(t => t.Transfer.State == TransferState.Reported), "/transfers?state=Reported", Urgent: false));
        if (TransferAccess.IsPolice(scope))
            items.Add(new("transfers-police", "Workbench.TransfersPolice",
                transfers.Count(t => t.Transfer.State is TransferState.Transferred or TransferState.Accepted or TransferState.ReconsiderationAsked), "/transfers"));
        items.Add(new("transfers-overdue", "Workbench.TransfersOverdue", transfers.Count(t => t.NextClock?.Reading.State == ClockState.Overdue), "/transfers", Urgent: true));
        if (TransferAccess.SeesFlags(scope))
            items.Add(new("transfers-flagged", "Workbench.TransfersFlagged", (await desk.FlaggedAsync(ct)).Count, "/transfers?view=flagged", Urgent: true));
        return items;
    }
}
