using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Data.Enforcement.TypicalCases;
using CertGuard.Web.Features.Workbench;

namespace CertGuard.Web.Features.Enforcement.TypicalCases;

/// <summary>Typical cases waiting for the viewer: the city office's approval, the province office's, or a returned draft.</summary>
public sealed class TypicalCaseWorkItems(TypicalCaseDesk desk) : IWorkbenchItems
{
    public string? Policy => TypicalCaseAccess.Policy;

    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(AccessScope scope, CancellationToken ct)
    {
        var list = await desk.ListAsync(ct);
        var waiting = TypicalCaseAccess.IsCityOffice(scope) ? list.Count(t => t.State == TypicalCaseState.AwaitingCity)
            : TypicalCaseAccess.IsProvinceOffice(scope) ? list.Count(t => t.State == TypicalCaseState.AwaitingProvince)
            : list.Count(t => t.State == TypicalCaseState.Draft);
        return [new("typical-cases-waiting", "Workbench.TypicalCasesWaiting", waiting, "/typical-cases/desk")];
    }
}
