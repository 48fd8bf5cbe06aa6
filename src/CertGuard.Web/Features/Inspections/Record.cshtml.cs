using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Inspections;
using CertGuard.Core.Institutions;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Inspections;

/// <summary>
/// /inspections/{id}: one inspection on a phone. Planned: start it with the officers and the place. On site: workers
/// (the QR from the camera or typed; kept on the device while offline, sent once the network is back), findings with
/// evidence, an institution's basic conditions, orders to correct, finishing. Re-inspection of its orders.
/// </summary>
[Authorize(Policy = InspectionAccess.ReadPolicy)]
public sealed class RecordModel(InspectionQueries queries, InspectionDesk desk, CertGuardDbContext db, TimeProvider clock) : PageModel, IShowsRefusals
{
    public InspectionResponse Inspection { get; private set; } = null!;

    public bool Works { get; private set; }

    public string Me { get; private set; } = "";

    /// <summary>The city's other inspector accounts, for the second officer.</summary>
    public IReadOnlyList<(string UserName, string DisplayName)> Colleagues { get; private set; } = [];

    public QuestionnaireVersion? Questionnaire { get; private set; }

    public SelfCheckSubmission? SelfCheck { get; private set; }

    public (int Checked, int Blocked) ReviewApplicants { get; private set; }

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(Guid id, string? colleague, string? otherName, string? otherBadge, string? myBadge, string? place, int version, CancellationToken ct)
    {
        var officers = new List<OfficerInput> { new(User.Identity!.Name, null, myBadge) };
        if (!string.IsNullOrWhiteSpace(colleague)) officers.Add(new OfficerInput(colleague, null, null));
        if (!string.IsNullOrWhiteSpace(otherName) || !string.IsNullOrWhiteSpace(otherBadge)) officers.Add(new OfficerInput(null, otherName, otherBadge));
        await desk.StartAsync(id, new StartRequest(officers, place, null, version), ct);
        return Done(id, "Insp.Started");
    }

    public async Task<IActionResult> OnPostFindingAsync(Guid id, string? type, Guid? workerId, string? description, string? clientKey, CancellationToken ct)
    {
        await desk.AddFindingAsync(id, new FindingRequest(clientKey, type, workerId, description), ct);
        return Done(id, "Insp.FindingAdded");
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, Guid findingId, IFormFile? file, CancellationToken ct)
    {
        await EvidenceUploads.StoreAsync(desk, findingId, file, ct);
        return Done(id, "Insp.EvidenceAdded");
    }

    public async Task<IActionResult> OnPostConditionsAsync(Guid id, CancellationToken ct)
    {
        var inputs = Request.Form.Keys.Where(k => k.StartsWith("met-", StringComparison.Ordinal)).Select(k => k[4..])
            .Select(key => new ConditionInput(key, Request.Form[$"met-{key}"] == "true", Request.Form[$"note-{key}"])).ToList();
        await desk.RecordConditionsAsync(id, new ConditionsRequest(inputs), ct);
        return Done(id, "Insp.ConditionsSaved");
    }

    public async Task<IActionResult> OnPostOrderAsync(Guid id, string? requirements, DateOnly? deadline, CancellationToken ct)
    {
        await desk.IssueOrderAsync(id, new OrderRequest(requirements, deadline), ct);
        return Done(id, "Insp.OrderIssued");
    }

    public async Task<IActionResult> OnPostReinspectAsync(Guid id, Guid orderId, bool corrected, string? note, int version, CancellationToken ct)
    {
        await desk.ReinspectAsync(orderId, new ReinspectRequest(corrected, note, version), ct);
        return Done(id, corrected ? "Insp.OrderClosed" : "Insp.OrderNotCorrected");
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, string? conclusion, int version, CancellationToken ct)
    {
        await desk.CompleteAsync(id, new CompleteRequest(conclusion, version), ct);
        return Done(id, "Insp.Completed");
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        var id = Guid.TryParse(RouteData.Values["id"]?.ToString(), out var parsed) ? parsed : Guid.Empty;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private RedirectResult Done(Guid id, string message)
    {
        Message = message;
        return Redirect($"/inspections/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } inspection) return false;
        Inspection = inspection;
        Today = ChinaTime.Today(clock);
        var scope = User.ToScope();
        Works = InspectionAccess.Works(scope) && scope.CityCode == inspection.RegionCode;
        Me = User.Identity?.Name ?? "";
        if (Works && inspection.Status == "planned")
        {
            string[] roles = [Role.Inspector.Id, Role.EnforcementLead.Id];
            Colleagues = (await db.Users.AsNoTracking().Where(a => a.RegionCode == scope.CityCode && roles.Contains(a.RoleId) && a.UserName != Me)
                .OrderBy(a => a.UserName).Select(a => new { a.UserName, a.DisplayName }).ToListAsync(ct))
                .Select(a => (a.UserName!, a.DisplayName)).ToList();
        }
        if (inspection.Target == InspectionTarget.Institution.Code())
        {
            var entity = await desk.FindAsync(id, ct);
            (Questionnaire, SelfCheck) = await desk.QuestionnaireAsync(entity, ct);
            ReviewApplicants = await desk.ReviewApplicantsAsync(entity.OrganisationId, ct);
        }
        return true;
    }
}
