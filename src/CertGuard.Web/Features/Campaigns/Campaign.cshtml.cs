using System.Globalization;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Campaigns;

/// <summary>
/// One campaign for the safety offices: its phases with each department's tasks and the working group; the plans (the
/// province sees 21 cities with 逾期 flags and decides; a city writes, attaches and submits its own); supervision visits
/// and their tasks; circulars; closing summaries. What a role may do is checked here and again in the desks' data scope.
/// </summary>
[Authorize(Policy = CampaignAccess.OfficePolicy)]
public sealed class CampaignModel(CampaignDesk campaigns, PlanDesk plans, SupervisionVisitDesk supervision, CircularDesk circulars, SummaryDesk summaries, IActor actor, TimeProvider clock)
    : PageModel, IShowsRefusals
{
    public CampaignView View { get; private set; } = null!;
    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];
    public IReadOnlyList<VisitView> Visits { get; private set; } = [];
    public IReadOnlyList<Circular> Circulars { get; private set; } = [];
    public IReadOnlyList<SummaryRow> Summaries { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public bool IsProvince => actor.Role == Role.ProvinceOffice;
    public bool IsCity => actor.Scope is { } s && CampaignAccess.IsCity(s);
    public DateOnly Today => ChinaTime.Today(clock);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid TargetId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Accept { get; set; }
    [BindProperty] public string? CityCode { get; set; }
    [BindProperty] public DateOnly StartsOn { get; set; }
    [BindProperty] public DateOnly EndsOn { get; set; }
    [BindProperty] public string? Members { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? RankBy { get; set; }
    [BindProperty] public string? GoodPractice { get; set; }
    [BindProperty] public string? TypicalCases { get; set; }
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public DateOnly Deadline { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Post { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostPlanAsync(CancellationToken ct) => City(() => plans.WriteAsync(Id, Text ?? "", ct));

    public Task<IActionResult> OnPostSubmitPlanAsync(CancellationToken ct) => City(() => plans.SubmitAsync(TargetId, Version, ct));

    public Task<IActionResult> OnPostUploadAsync(CancellationToken ct) => City(() => PlanUploads.StoreAsync(plans, TargetId, Attachment, ct));

    public Task<IActionResult> OnPostDecidePlanAsync(CancellationToken ct) => Province(() => plans.DecideAsync(TargetId, Accept, Reason, Version, ct));

    public Task<IActionResult> OnPostTaskAsync(CancellationToken ct) => Province(() => campaigns.AddTaskAsync(TargetId, Department ?? "", Text ?? "", Deadline, ct));

    public Task<IActionResult> OnPostMemberAsync(CancellationToken ct) => Province(() => campaigns.AddMemberAsync(Id, Text ?? "", Unit ?? "", Post ?? "", Phone ?? "", ct));

    public Task<IActionResult> OnPostVisitAsync(CancellationToken ct) => Province(() => supervision.PlanAsync(Id, CityCode ?? "", StartsOn, EndsOn, Members ?? "", ct));

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct) =>
        Province(() => supervision.RecordAsync(TargetId, Text ?? "", Members ?? "", ParseFindings(Findings), Version, ct));

    public Task<IActionResult> OnPostTaskDoneAsync(CancellationToken ct) => City(() => supervision.ReportDoneAsync(TargetId, Text ?? "", Version, ct));

    public async Task<IActionResult> OnPostCircularAsync(CancellationToken ct)
    {
        if (!IsProvince) return Forbid();
        var (from, to) = CampaignApi.Period(new DraftCircularRequest(Month, null, null, RankBy, GoodPractice, TypicalCases));
        var circular = await circulars.DraftAsync(Id, new CircularRequestInput(from, to, string.IsNullOrWhiteSpace(RankBy) ? "6" : RankBy, GoodPractice, TypicalCases), ct);
        return Redirect($"/campaigns/circulars/{circular.Id}");
    }

    public async Task<IActionResult> OnPostSummaryAsync(CancellationToken ct)
    {
        await summaries.WriteAsync(Id, Text ?? "", Version, ct);
        return Redirect($"/campaigns/{Id}#summaries");
    }

    public async Task<IActionResult> OnPostSubmitSummaryAsync(CancellationToken ct)
    {
        await summaries.SubmitAsync(Id, Version, ct);
        return Redirect($"/campaigns/{Id}#summaries");
    }

    public Task<IActionResult> OnPostDecideSummaryAsync(CancellationToken ct) => Province(() => summaries.DecideAsync(TargetId, Accept, Reason, Version, ct));

    /// <summary>The viewer's own summary (created with its prefilled draft on first view).</summary>
    public CampaignSummary? MySummary { get; private set; }

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        // Without the campaign itself there is no page to show the alert on: a plain 404.
        if (!await campaigns.ExistsAsync(Id, ct)) return NotFound();
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>"2026-12-20 完成核验" per line: a deadline, a space, the finding.</summary>
    public static IReadOnlyList<FindingInput> ParseFindings(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 10 || !DateOnly.TryParseExact(line[..space], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
                throw Refusal.Invalid("CAMPAIGN-DATES");
            return new FindingInput(line[(space + 1)..].Trim(), deadline);
        }).ToList();

    private async Task<IActionResult> Province<T>(Func<Task<T>> action)
    {
        if (!IsProvince) return Forbid();
        await action();
        return Redirect($"/campaigns/{Id}");
    }

    private async Task<IActionResult> City<T>(Func<Task<T>> action)
    {
        if (!IsCity) return Forbid();
        await action();
        return Redirect($"/campaigns/{Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await campaigns.GetAsync(Id, ct);
        Plans = await plans.ListAsync(Id, ct);
        Visits = await supervision.ListAsync(Id, ct);
        Circulars = await circulars.ListAsync(Id, ct);
        Summaries = await summaries.ListAsync(Id, ct);
        if (IsProvince || IsCity) MySummary = await summaries.MineAsync(Id, ct);
    }
}
