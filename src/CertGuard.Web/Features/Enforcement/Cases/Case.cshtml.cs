using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.ReferenceData;
using CertGuard.Data.Enforcement.Cases;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>/cases/{id}: a case's stage, what it still needs, its clocks, documents, timeline and the actions of the stage.</summary>
[Authorize(Policy = CaseAccess.Policy)]
public sealed class CaseModel(CaseDesk desk) : PageModel, IShowsRefusals
{
    public EnforcementCase Case { get; private set; } = null!;

    public IReadOnlyList<CaseClock> Clocks { get; private set; } = [];

    public IReadOnlyList<CertificateRevocationRequest> Revocations { get; private set; } = [];

    public IReadOnlyList<(PenaltyRule Rule, PenaltyProposal Proposal)> Proposals { get; private set; } = [];

    public IReadOnlyList<PenaltyRule> AllRules => desk.PenaltyRules;

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public bool MayWork => CaseAccess.MayWork(Scope) && !Case.IsClosed;

    public bool MayApprove => CaseAccess.MayApprove(Scope) && !Case.IsClosed;

    public bool IsJoint => CaseAccess.IsJoint(Scope) && !Case.IsClosed;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.ApproveFilingAsync(id, version, ct));

    public Task<IActionResult> OnPostAdvanceAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.AdvanceAsync(id, version, ct));

    public Task<IActionResult> OnPostRecordAsync(Guid id, int version, string? kind, string? text, CancellationToken ct) =>
        Act(id, () => desk.AddRecordAsync(id, new AddRecordRequest(version, kind, text), ct));

    public Task<IActionResult> OnPostDocumentAsync(Guid id, int version, string? kind, string? body, CancellationToken ct) =>
        Act(id, async () => (await desk.AddDocumentAsync(id, new AddDocumentRequest(version, kind, body), ct)).Case);

    public Task<IActionResult> OnPostMajorAsync(Guid id, int version, bool major, CancellationToken ct) =>
        Act(id, () => desk.MarkMajorAsync(id, new MajorRequest(version, major), ct));

    public Task<IActionResult> OnPostHearingAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.RequestHearingAsync(id, version, ct));

    public Task<IActionResult> OnPostClockAsync(Guid id, int version, string? clock, string? action, int days, string? reason, CancellationToken ct) =>
        Act(id, () => desk.DecideClockAsync(id, new ClockRequest(version, clock, action, days, reason), ct));

    public Task<IActionResult> OnPostDecideAsync(Guid id, int version, string? party, string? partyName, string? ruleCode, long fine, string? measures,
        string? party2, string? partyName2, string? ruleCode2, long? fine2, string? measures2, bool majorHiddenHazard,
        string? revokeNumber, string? revokeGround, string? revokeItem, CancellationToken ct)
    {
        var lines = new List<DecisionLineRequest> { new(party, partyName, ruleCode, fine, measures) };
        if (!string.IsNullOrWhiteSpace(ruleCode2)) lines.Add(new(party2, partyName2, ruleCode2, fine2 ?? 0, measures2));
        IReadOnlyList<RevocationAsk> revocations = string.IsNullOrWhiteSpace(revokeNumber) ? [] : [new(revokeNumber, revokeGround, ItemCode: revokeItem)];
        return Act(id, () => desk.DecideAsync(id, new DecideRequest(version, lines, majorHiddenHazard, revocations), ct));
    }

    public Task<IActionResult> OnPostServeAsync(Guid id, int version, string? how, CancellationToken ct) => Act(id, () => desk.ServeAsync(id, new ServeRequest(version, how), ct));

    public Task<IActionResult> OnPostPaymentAsync(Guid id, int version, long amount, CancellationToken ct) =>
        Act(id, () => desk.RecordPaymentAsync(id, new PaymentRequest(version, amount), ct));

    public Task<IActionResult> OnPostCloseAsync(Guid id, int version, CancellationToken ct) => Act(id, () => desk.CloseAsync(id, version, ct));

    public Task<IActionResult> OnPostInviteAsync(Guid id, int version, string? department, CancellationToken ct) =>
        Act(id, () => desk.InviteAsync(id, new InviteRequest(version, department), ct));

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        Error = refusal.Message;
        var id = RouteData.Values["id"] is string text && Guid.TryParse(text, out var g) ? g : Guid.Empty;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> Act(Guid id, Func<Task<EnforcementCase>> action)
    {
        await action();
        Message = "Cases.Saved";
        return Redirect($"/cases/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Scope = User.ToScope();
        var found = await desk.FindAsync(id, ct);
        if (found is null) return false;
        Case = found;
        Clocks = desk.Clocks(found);
        Revocations = await desk.RevocationsOfAsync(id, ct);
        var circumstances = new PenaltyCircumstances(FirstOffence: true, Workers: Math.Max(1, found.CertificateNumbers.Count), CorrectedInTime: false, MajorHiddenHazard: found.MajorHiddenHazard);
        Proposals = [.. desk.PenaltyRules.Where(r => found.ViolationCodes.Contains(r.Code)).Select(r => (r, desk.Propose(r.Code, circumstances)))];
        return true;
    }
}
