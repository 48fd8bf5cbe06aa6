using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Campaigns.Reports;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns.Reports;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Statistics;

/// <summary>
/// A city's monthly report: every figure with where it comes from (each computed one opens its records), the city
/// office's corrections and entries, the work report and attachments, submission; the province accepts or returns.
/// </summary>
[Authorize(Policy = StatisticsAccess.Policy)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class ReportModel(ReportDesk desk, IActor actor) : PageModel, IShowsRefusals
{
    [BindProperty(SupportsGet = true)] public Guid CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public string City { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Month { get; set; } = "";
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public decimal? Value { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid AttachmentId { get; set; }

    public ReportView View { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorCode { get; private set; }
    public bool IsCityOffice => actor.Role == Role.CityOffice;
    public bool IsProvince => actor.Role == Role.ProvinceOffice;
    public bool MayEdit => IsCityOffice && View.Report.IsEditable;

    private DateOnly MonthDay => StatisticsAccess.ParseMonth(Month);

    public async Task OnGetAsync(CancellationToken ct) => View = await desk.ViewAsync(CampaignId, City, MonthDay, ct);

    public Task<IActionResult> OnPostFigureAsync(CancellationToken ct) => Act(async () =>
    {
        var view = await desk.ViewAsync(CampaignId, City, MonthDay, ct);
        var line = view.Lines.SingleOrDefault(l => l.Code == Code) ?? throw Refusal.NotFound("REPORT-CODE-UNKNOWN", ("code", Code));
        if (line.Source == LineSource.Entered) await desk.EnterAsync(CampaignId, City, MonthDay, line.Code, Value, Note, ct);
        else await desk.CorrectAsync(CampaignId, City, MonthDay, line.Code, Value, Reason, ct);
    }, "line-" + Code);

    public Task<IActionResult> OnPostTextAsync(CancellationToken ct) => Act(() => desk.WriteTextAsync(CampaignId, City, MonthDay, Text, Version, ct), "work");

    public Task<IActionResult> OnPostAttachAsync(CancellationToken ct) => Act(async () =>
    {
        if (Upload is null) throw Refusal.Invalid("REPORT-ATTACHMENT-EMPTY");
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        await desk.AttachAsync(CampaignId, City, MonthDay, Upload.FileName, buffer.ToArray(), ct);
    }, "work");

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) => Act(() => desk.RemoveAttachmentAsync(CampaignId, City, MonthDay, AttachmentId, ct), "work");

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => Act(() => desk.SubmitAsync(CampaignId, City, MonthDay, Version, ct), null);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => Act(() => desk.ReturnAsync(CampaignId, City, MonthDay, Reason, Version, ct), null);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => Act(() => desk.AcceptAsync(CampaignId, City, MonthDay, Version, ct), null);

    public async Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        View = await desk.ViewAsync(CampaignId, City, MonthDay, ct);
        return Page();
    }

    private async Task<IActionResult> Act(Func<Task> action, string? anchor)
    {
        await action();
        return RedirectToPage(null, null, new { CampaignId, City, Month }, anchor);
    }
}
