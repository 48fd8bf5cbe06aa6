using System.Globalization;
using CertGuard.Core;
using CertGuard.Core.Time;
using CertGuard.Data.Campaigns;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Campaigns;

/// <summary>
/// <c>/api/v1/campaigns</c>: campaigns with phases, tasks and working group; the cities' implementation plans;
/// supervision visits and the tasks their findings became; circulars (.docx); closing summaries.
/// </summary>
public static class CampaignApi
{
    public const long MaxRequestBytes = Core.Campaigns.PlanAttachment.MaxBytes + 256 * 1024;

    public static RouteGroupBuilder MapCampaignApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/campaigns").WithTags("专项行动 Campaigns").RequireAuthorization(CampaignAccess.ReadPolicy);
        var office = api.MapGroup("/campaigns").WithTags("专项行动 Campaigns").RequireAuthorization(CampaignAccess.OfficePolicy);
        var province = api.MapGroup("/campaigns").WithTags("专项行动 Campaigns").RequireAuthorization(CampaignAccess.ProvincePolicy);
        var city = api.MapGroup("/campaigns").WithTags("专项行动 Campaigns").RequireAuthorization(CampaignAccess.CityPolicy);

        read.MapGet("/", async (CampaignDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(ct)).Select(CampaignSummaryResponse.From).ToList()))
            .WithSummary("专项行动列表（新的在前）");
        read.MapGet("/{id:guid}", async (Guid id, CampaignDesk desk, CancellationToken ct) => TypedResults.Ok(CampaignResponse.From(await desk.GetAsync(id, ct))))
            .WithSummary("一项专项行动：阶段及日期、各阶段各部门任务和期限、工作组成员（非省安委办看到的电话已脱敏）");
        province.MapPost("/", CreateAsync).WithSummary("省安委办新建专项行动（名称、文号、起止日期；不给阶段时按通知分四个阶段）");
        province.MapPut("/{id:guid}/deadlines", async (Guid id, DeadlinesRequest r, CampaignDesk desk, CancellationToken ct) =>
            TypedResults.Ok(CampaignSummaryResponse.From(await desk.SetDeadlinesAsync(id, r.PlanDueOn, r.SummaryDueOn, r.Version, ct))))
            .WithSummary("实施方案和工作总结的报送期限（默认：首月月底、12月25日）");
        province.MapPost("/phases/{phaseId:guid}/tasks", async (Guid phaseId, TaskRequest r, CampaignDesk desk, CancellationToken ct) =>
        {
            var task = await desk.AddTaskAsync(phaseId, r.Department, r.Text, r.Deadline, ct);
            return TypedResults.Created($"/api/v1/campaigns/{task.CampaignId}", TaskResponse.From(task));
        }).WithSummary("为阶段添加部门任务（department：office、industry、police、emergency、market、cyberspace）；阶段已结束时拒绝（CAMPAIGN-PHASE-CLOSED）");
        province.MapPut("/tasks/{taskId:guid}", async (Guid taskId, TaskRequest r, CampaignDesk desk, CancellationToken ct) =>
            TypedResults.Ok(TaskResponse.From(await desk.EditTaskAsync(taskId, r.Department, r.Text, r.Deadline, r.Version, ct))))
            .WithSummary("修改任务；所属阶段已结束时拒绝（CAMPAIGN-PHASE-CLOSED）");
        province.MapPost("/{id:guid}/members", async (Guid id, MemberRequest r, CampaignDesk desk, CancellationToken ct) =>
        {
            var m = await desk.AddMemberAsync(id, r.Name, r.Unit, r.Post, r.Phone, ct);
            return TypedResults.Created($"/api/v1/campaigns/{id}", new MemberResponse(m.Id, m.Name, m.Unit, m.Post, m.Phone));
        }).WithSummary("添加工作组成员（姓名、单位、职务、电话）");

        office.MapGet("/{id:guid}/plans", async (Guid id, PlanDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(id, ct)).Select(PlanRowResponse.From).ToList()))
            .WithSummary("实施方案：省安委办看21个地市（逾期标记 late，含到期未报），市安委办看本市");
        office.MapGet("/plans/{planId:guid}", async (Guid planId, PlanDesk desk, CancellationToken ct) => TypedResults.Ok(PlanResponse.From(await desk.GetAsync(planId, ct))))
            .WithSummary("一份实施方案（其他地市的方案对市安委办不存在：404）");
        city.MapPut("/{id:guid}/plans/mine", async (Guid id, TextRequest r, PlanDesk desk, CancellationToken ct) => TypedResults.Ok(PlanResponse.From(await desk.WriteAsync(id, r.Text, ct))))
            .WithSummary("市安委办撰写本市实施方案（未报或被退回时可改）");
        city.MapPost("/plans/{planId:guid}/submission", async (Guid planId, VersionRequest r, PlanDesk desk, CancellationToken ct) => TypedResults.Ok(PlanResponse.From(await desk.SubmitAsync(planId, r.Version, ct))))
            .WithSummary("报送（或退回后重新报送）实施方案；首次报送晚于期限记为逾期");
        city.MapPost("/plans/{planId:guid}/attachments", UploadAsync)
            .DisableAntiforgery() // checked by hand for cookie sign-ins; API keys carry no cookie to forge
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("上传实施方案附件（字段 file；PDF、Word（.docx）、JPEG、PNG，不超过10 MB，每份方案至多10个；按内容识别类型）");
        office.MapGet("/plans/attachments/{attachmentId:guid}", async (Guid attachmentId, PlanDesk desk, HttpContext http, CancellationToken ct) =>
        {
            var a = await desk.AttachmentAsync(attachmentId, ct);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Content-SHA256"] = a.Sha256;
            return TypedResults.File(a.Content, a.ContentType, a.FileName);
        }).WithSummary("下载实施方案附件（按管辖范围）");
        province.MapPost("/plans/{planId:guid}/decision", async (Guid planId, DecisionRequest r, PlanDesk desk, CancellationToken ct) =>
            TypedResults.Ok(PlanResponse.From(await desk.DecideAsync(planId, r.Accept, r.Reason, r.Version, ct))))
            .WithSummary("省安委办采纳（accept=true）或退回（写明理由 reason）实施方案");

        office.MapGet("/{id:guid}/visits", async (Guid id, SupervisionVisitDesk desk, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok((await desk.ListAsync(id, ct)).Select(v => VisitResponse.From(v, ChinaTime.Today(clock))).ToList()))
            .WithSummary("督查：省安委办看全部，市安委办看到本市的督查及整改任务");
        province.MapPost("/{id:guid}/visits", async (Guid id, VisitRequest r, SupervisionVisitDesk desk, TimeProvider clock, CancellationToken ct) =>
        {
            var v = await desk.PlanAsync(id, r.CityCode, r.StartsOn, r.EndsOn, r.Members, ct);
            return TypedResults.Created($"/api/v1/campaigns/{id}/visits", VisitResponse.From(new VisitView(v, []), ChinaTime.Today(clock)));
        }).WithSummary("安排督查组：地市、日期、成员");
        province.MapPost("/visits/{visitId:guid}/record", async (Guid visitId, RecordVisitRequest r, SupervisionVisitDesk desk, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(VisitResponse.From(await desk.RecordAsync(visitId, r.Summary, r.Members, r.Findings ?? [], r.Version, ct), ChinaTime.Today(clock))))
            .WithSummary("记录督查情况；每条发现的问题（finding、deadline）成为该市的整改任务");
        office.MapGet("/{id:guid}/supervision-tasks", async (Guid id, bool? overdue, SupervisionVisitDesk desk, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok((await desk.TasksAsync(id, overdue == true, ct)).Select(t => SupervisionTaskResponse.From(t, ChinaTime.Today(clock))).ToList()))
            .WithSummary("督查整改任务；overdue=true 只看逾期未完成");
        city.MapPost("/supervision-tasks/{taskId:guid}/done", async (Guid taskId, TaskDoneRequest r, SupervisionVisitDesk desk, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(SupervisionTaskResponse.From(await desk.ReportDoneAsync(taskId, r.Report, r.Version, ct), ChinaTime.Today(clock))))
            .WithSummary("市安委办报告整改完成（整改情况）");

        office.MapGet("/{id:guid}/circulars", async (Guid id, CircularDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(id, ct)).Select(CircularResponse.From).ToList()))
            .WithSummary("通报：省安委办看全部（含草稿），地市看已印发的");
        office.MapGet("/circulars/{circularId:guid}", CircularAsync)
            .WithSummary("一份通报；format=docx 下载 Word 文件");
        province.MapPost("/{id:guid}/circulars", DraftAsync)
            .WithSummary("按模板起草通报：month=YYYY-MM 或 from/to；rankBy 为排名指标代码（默认6：核验发现假证）；数据取自统计计算，逾期和被退回的月报点名；goodPractice、typicalCases 可留空待填");
        province.MapPut("/circulars/{circularId:guid}", async (Guid circularId, EditCircularRequest r, CircularDesk desk, CancellationToken ct) =>
            TypedResults.Ok(CircularResponse.From(await desk.EditAsync(circularId, r.Title, r.Number, r.Body, r.Version, ct))))
            .WithSummary("修改通报草稿（标题、文号、正文）；已印发的不能修改");
        province.MapPost("/circulars/{circularId:guid}/publication", async (Guid circularId, PublishCircularRequest r, CircularDesk desk, CancellationToken ct) =>
            TypedResults.Ok(CircularResponse.From(await desk.PublishAsync(circularId, r.OnPublicPage, r.Version, ct))))
            .WithSummary("印发通报给各地市（onPublicPage=true 同时在公众页面公开）；须有文号");

        office.MapGet("/{id:guid}/summaries", async (Guid id, SummaryDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(id, ct)).Select(SummaryRowResponse.From).ToList()))
            .WithSummary("工作总结：省安委办看全省和21个地市（逾期标记），市安委办看本市");
        office.MapGet("/{id:guid}/summaries/mine", async (Guid id, SummaryDesk desk, CancellationToken ct) => TypedResults.Ok(SummaryResponse.From(await desk.MineAsync(id, ct))))
            .WithSummary("本市（省安委办：全省）的工作总结；首次打开时按专项行动全程数据预填");
        office.MapPut("/{id:guid}/summaries/mine", async (Guid id, TextRequest r, SummaryDesk desk, CancellationToken ct) => TypedResults.Ok(SummaryResponse.From(await desk.WriteAsync(id, r.Text, r.Version, ct))))
            .WithSummary("修改本市（全省）工作总结");
        office.MapPost("/{id:guid}/summaries/mine/submission", async (Guid id, VersionRequest r, SummaryDesk desk, CancellationToken ct) => TypedResults.Ok(SummaryResponse.From(await desk.SubmitAsync(id, r.Version, ct))))
            .WithSummary("报送工作总结（期限后首次报送记为逾期）");
        province.MapPost("/summaries/{summaryId:guid}/decision", async (Guid summaryId, DecisionRequest r, SummaryDesk desk, CancellationToken ct) =>
            TypedResults.Ok(SummaryResponse.From(await desk.DecideAsync(summaryId, r.Accept, r.Reason, r.Version, ct))))
            .WithSummary("省安委办采纳或退回地市工作总结");
        api.MapGet("/public/circulars", async (CircularDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.PublicAsync(ct)).Select(CircularResponse.From).ToList()))
            .AllowAnonymous().WithTags("专项行动 Campaigns").WithSummary("公开的通报（省安委办印发时选择向公众公开的），新的在前");
        return api;
    }

    private static async Task<Created<CampaignSummaryResponse>> CreateAsync(CreateCampaignRequest r, CampaignDesk desk, CancellationToken ct)
    {
        var c = await desk.CreateAsync(r.Name, r.DocumentNumber, r.StartsOn, r.EndsOn, r.Phases, ct);
        return TypedResults.Created($"/api/v1/campaigns/{c.Id}", CampaignSummaryResponse.From(c));
    }

    private static async Task<Results<Created<AttachmentResponse>, ProblemHttpResult>> UploadAsync(
        Guid planId, HttpContext http, PlanDesk desk, [FromServices] IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !await antiforgery.IsRequestValidAsync(http))
            return Problems.BadRequest("ANTIFORGERY", "请求缺少有效的防伪令牌，请从专项行动页面上传。");
        if (!http.Request.HasFormContentType) throw Refusal.Invalid("PLAN-ATTACHMENT-EMPTY");
        var form = await http.Request.ReadFormAsync(ct);
        var a = await PlanUploads.StoreAsync(desk, planId, form.Files.GetFile("file"), ct);
        return TypedResults.Created($"/api/v1/campaigns/plans/attachments/{a.Id}", AttachmentResponse.From(a));
    }

    private static async Task<IResult> CircularAsync(Guid circularId, string? format, CircularDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var circular = await desk.GetAsync(circularId, ct);
        if (format is null or "json") return TypedResults.Ok(CircularResponse.From(circular));
        if (format != "docx") throw Refusal.Invalid("CIRCULAR-FORMAT", ("format", format));
        using var buffer = new MemoryStream();
        CircularDocx.Write(circular, clock, buffer);
        return TypedResults.File(buffer.ToArray(), OfficialDocumentDocxContentType, CircularDocx.FileName(circular));
    }

    private const string OfficialDocumentDocxContentType = Enforcement.Documents.OfficialDocumentDocx.ContentType;

    private static async Task<Created<CircularResponse>> DraftAsync(Guid id, DraftCircularRequest r, CircularDesk desk, CancellationToken ct)
    {
        var (from, to) = Period(r);
        var c = await desk.DraftAsync(id, new CircularRequestInput(from, to, string.IsNullOrWhiteSpace(r.RankBy) ? "6" : r.RankBy.Trim(), r.GoodPractice, r.TypicalCases), ct);
        return TypedResults.Created($"/api/v1/campaigns/circulars/{c.Id}", CircularResponse.From(c));
    }

    /// <summary>The period: a month (its first to last day) or explicit dates.</summary>
    internal static (DateOnly From, DateOnly To) Period(DraftCircularRequest r)
    {
        if (!string.IsNullOrWhiteSpace(r.Month))
        {
            if (!DateOnly.TryParseExact(r.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                throw Refusal.Invalid("CIRCULAR-PERIOD");
            return (first, first.AddMonths(1).AddDays(-1));
        }
        if (r.From is { } f && r.To is { } t && t >= f) return (f, t);
        throw Refusal.Invalid("CIRCULAR-PERIOD");
    }
}

/// <summary>An attachment upload the page and the API both take: size checked before reading, type by content.</summary>
public static class PlanUploads
{
    public static async Task<Core.Campaigns.PlanAttachment> StoreAsync(PlanDesk desk, Guid planId, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw Refusal.Invalid("PLAN-ATTACHMENT-EMPTY");
        if (file.Length > Core.Campaigns.PlanAttachment.MaxBytes)
            throw Refusal.TooLarge("PLAN-ATTACHMENT-TOO-LARGE", ("max", Core.Campaigns.PlanAttachment.MaxBytes / 1024 / 1024));
        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        return await desk.AttachAsync(planId, file.FileName, buffer.ToArray(), ct);
    }
}
