using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Tips;
using CertGuard.Data.Accounts;
using CertGuard.Data.Tips;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Tips;

/// <summary>
/// The office's queue of tips (its city; the province all) and one tip's page: assignment, and for the officer assigned
/// the material (each view audited), messages to the reporter, the lead, the conclusion. Rewards below for the committee
/// and the reward officer.
/// </summary>
[Authorize(Policy = TipsAccess.OfficePolicy)]
public sealed class OfficeModel(TipDesk desk, TipRewardDesk rewards, TipIntake intake, IActor actor) : PageModel, IShowsRefusals
{
    public IReadOnlyList<TipQueueRow> Queue { get; private set; } = [];
    public TipQueueRow? Selected { get; private set; }
    public TipMaterial? Material { get; private set; }
    public IReadOnlyList<TipRewardRow> Rewards { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool Lead { get; set; } = true;
    [BindProperty] public bool SuspectSite { get; set; }
    [BindProperty] public bool Substantiated { get; set; }
    [BindProperty] public Guid RewardId { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public string? Voucher { get; set; }
    [BindProperty] public string? PayeeName { get; set; }
    [BindProperty] public string? PayeePhone { get; set; }
    [BindProperty] public Guid? IntoId { get; set; }
    [BindProperty] public string? SiteUrl { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public DateOnly? ExtendTo { get; set; }
    [BindProperty] public OfficeTipsApi.CallRequest Call { get; set; } = new(TipChannel.Phone12350, null, null, null, null);

    /// <summary>The receipt of a call just recorded, grouped for reading out; shown this once.</summary>
    public string? RecordedReceipt { get; private set; }

    public bool MayAssign => actor.Role == Role.CityOffice || actor.Role == Role.EnforcementLead;
    public bool IsAssigned => Selected?.AssignedTo == actor.Name;
    public bool IsCommittee => actor.Role == Role.EnforcementLead;
    public bool IsRewardOfficer => actor.Role == Role.CityOffice;
    public bool MayRoute => actor.Role == Role.ProvinceOffice;
    public bool MayMerge => IsAssigned || actor.Role == Role.CityOffice;
    public bool MayApproveExtension => actor.Role == Role.EnforcementLead || actor.Role == Role.CityOffice;
    /// <summary>The 12350 line (city and province offices) and the police (110) record calls: <see cref="TipsAccess.CallPolicy"/>.</summary>
    public bool MayRecordCall => actor.Role == Role.CityOffice || actor.Role == Role.ProvinceOffice || actor.Role == Role.Police;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => Act(() => desk.AssignAsync(Id!.Value, Officer ?? "", Version, ct));

    public Task<IActionResult> OnPostMessageAsync(CancellationToken ct) => Act(async () => await desk.MessageAsync(Id!.Value, Text, ct));

    public Task<IActionResult> OnPostLeadAsync(CancellationToken ct) => Act(() => desk.RaiseAsync(Id!.Value, Lead, SuspectSite, Text, Version, ct, SiteUrl));

    public Task<IActionResult> OnPostConcludeAsync(CancellationToken ct) => Act(() => desk.ConcludeAsync(Id!.Value, Substantiated, Version, ct));

    public Task<IActionResult> OnPostDecideAsync(CancellationToken ct) => Act(() => rewards.DecideAsync(RewardId, Approve, Text, Version, ct));

    public Task<IActionResult> OnPostPayAsync(CancellationToken ct) =>
        Act(() => rewards.PayAsync(RewardId, Voucher, new RewardPayee(PayeeName, null, PayeePhone), Version, ct));

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) => Act(() => desk.MergeAsync(Id!.Value, IntoId ?? Guid.Empty, ct));

    public Task<IActionResult> OnPostRouteAsync(CancellationToken ct) => Act(() => desk.RouteAsync(Id!.Value, City, Department, ct));

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) => Act(() => desk.RequestExtensionAsync(Id!.Value, ExtendTo ?? default, ct));

    public Task<IActionResult> OnPostApproveExtensionAsync(CancellationToken ct) => Act(() => desk.ApproveExtensionAsync(Id!.Value, ct));

    /// <summary>A call recorded as a tip: the receipt is shown once, to be read out to the caller.</summary>
    public async Task<IActionResult> OnPostCallAsync(CancellationToken ct)
    {
        if (!MayRecordCall) throw Refusal.Forbidden("TIP-NOT-CALL-TAKER");
        var r = Call;
        if (r.Channel == TipChannel.Web || !Enum.IsDefined(r.Channel)) throw Refusal.Invalid("TIP-CHANNEL");
        var receipt = await intake.FileAsync(new TipSubmission(r.City, r.Kind, r.Site, r.What, r.Anonymous, r.Name, r.Phone), r.Channel, [], ct);
        RecordedReceipt = Core.Tips.Receipt.Grouped(receipt);
        Response.Headers.CacheControl = "no-store";
        Response.StatusCode = StatusCodes.Status201Created;
        ModelState.Clear();
        Call = new(TipChannel.Phone12350, null, null, null, null);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> Act<T>(Func<Task<T>> action)
    {
        await action();
        return RedirectToPage(new { id = Id });
    }

    private Task<IActionResult> Act(Func<Task> action) => Act(async () => { await action(); return 0; });

    private async Task LoadAsync(CancellationToken ct)
    {
        Queue = await desk.QueueAsync(null, ct);
        if (Id is { } id)
        {
            Selected = await desk.GetAsync(id, ct);
            if (IsAssigned) Material = await desk.ReadAsync(id, ct);
        }
        if (IsCommittee || IsRewardOfficer || actor.Role == Role.ProvinceOffice) Rewards = await rewards.ListAsync(ct);
    }
}
