using System.Globalization;
using CertGuard.Core;
using CertGuard.Core.Inspections;
using CertGuard.Core.Time;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Inspections;

/// <summary>
/// <c>/api/v1/inspections</c>: plans, on-site records with their officers, workers, findings and evidence, orders to
/// correct and re-inspections. Submissions from the phone carry a <c>clientKey</c>: a replay answers 200 with the
/// original instead of 201 with a second record.
/// </summary>
public static class InspectionApi
{
    /// <summary>The request may be a little larger than the file (the multipart envelope).</summary>
    public const long MaxRequestBytes = EvidenceFiles.MaxBytes + 256 * 1024;

    public static RouteGroupBuilder MapInspectionApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/inspections").WithTags("执法检查 Inspections").RequireAuthorization(InspectionAccess.ReadPolicy);
        var work = api.MapGroup("/inspections").WithTags("执法检查 Inspections").RequireAuthorization(InspectionAccess.WorkPolicy);
        var orders = api.MapGroup("/inspections/orders").WithTags("执法检查 Inspections");

        read.MapGet("/", ListAsync).WithSummary("检查列表：status=planned|in-progress|done，year=检查年度；市级看本市，省安委办看全省（只读）");
        read.MapGet("/institutions/not-inspected", NotInspectedAsync).WithSummary("本年度（year，默认今年）尚未完成检查的培训、考试机构");
        read.MapGet("/{id:guid}", GetAsync).WithSummary("一次检查：执法人员、地点时间、逐人核验结论、发现问题及证据、责令整改");
        read.MapGet("/evidence/{id:guid}", EvidenceAsync).WithSummary("下载证据文件（按管辖范围；每次下载记入审计日志；响应头 X-Content-SHA256 为上传时记录的哈希）");

        work.MapGet("/plan/suggestions", SuggestAsync).WithSummary("检查方案建议：有未办结线索和信号的单位在先，其次本年度未检查的培训考试机构，再按依法持证率从低到高");
        work.MapPost("/plans", PlanAsync).WithSummary("列入检查方案（计划检查日期、理由）");
        work.MapPost("/", RecordAsync).WithSummary("现场检查记录（无计划时直接开始）：至少两名执法人员（账号或姓名+执法证号，不得重复），地点；clientKey 幂等");
        work.MapPost("/{id:guid}/start", StartAsync).WithSummary("按计划开始现场检查：执法人员（至少两名）、地点、时间");
        work.MapPost("/{id:guid}/workers", WorkerAsync).WithSummary("记录现场作业人员：qr（证书二维码文本，按 /verify 的验证）或证号+姓名；给出与名册核验相同的结论；clientKey 幂等，重放返回原记录（200）");
        work.MapPost("/{id:guid}/findings", FindingAsync).WithSummary("记录发现的问题（type：uncertified、fake-certificate、expired-or-not-reviewed、lent-or-impersonated、altered、no-worker-files、institution-conditions、institution-penalty）；假证、无证、冒用、涂改和拟处罚自动转为本市执法线索；clientKey 幂等");
        work.MapPost("/findings/{id:guid}/evidence", UploadAsync)
            .DisableAntiforgery() // checked by hand for cookie sign-ins; API keys carry no cookie to forge
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("上传证据文件（字段 file；JPEG、PNG、WebP、HEIC 照片或 PDF 扫描件，不超过10 MB；按内容识别类型；上传时记录 SHA-256）");
        work.MapPost("/{id:guid}/conditions", ConditionsAsync).WithSummary("培训考试机构基本条件：按现行自查问卷逐项记录检查结论（与机构自查答案并列）");
        work.MapPost("/{id:guid}/completion", CompleteAsync).WithSummary("结束现场检查（检查结论）");
        work.MapPost("/{id:guid}/orders", IssueOrderAsync).WithSummary("责令限期整改：整改要求和期限，送达被检查单位账户");

        orders.MapGet("/", OrdersAsync).RequireAuthorization(InspectionAccess.AnyPolicy)
            .WithSummary("责令限期整改：被检查单位看本单位，市级看本市，省安委办看全省；overdue=true 只看逾期未整改");
        orders.MapPost("/{id:guid}/report", ReportAsync).RequireAuthorization(InspectionAccess.OrdersPolicy).WithSummary("被检查单位报告整改情况（version：所见版本）");
        orders.MapPost("/{id:guid}/reinspection", ReinspectAsync).RequireAuthorization(InspectionAccess.WorkPolicy)
            .WithSummary("复查：已整改则结束；未整改须写明情况，并转为立案线索");
        return api;
    }

    private static async Task<Results<Ok<List<InspectionSummary>>, ProblemHttpResult>> ListAsync(string? status, int? year, InspectionQueries queries, CancellationToken ct)
    {
        InspectionStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
            wanted = InspectionStatuses.Parse(status) ?? throw Refusal.Invalid("INSPECTION-STATUS", ("status", status));
        return TypedResults.Ok((await queries.ListAsync(wanted, year, ct)).Select(InspectionSummary.From).ToList());
    }

    private static async Task<Ok<List<InstitutionResponse>>> NotInspectedAsync(int? year, InspectionDesk desk, Data.Accounts.IActor actor, TimeProvider clock, CancellationToken ct)
    {
        var list = await desk.InstitutionsNotInspectedAsync(actor.Scope?.CityCode, year ?? ChinaTime.Today(clock).Year, ct);
        return TypedResults.Ok(list.Select(o => new InstitutionResponse(o.Id, o.Name, o.Kind, o.RegionCode)).ToList());
    }

    private static async Task<Results<Ok<InspectionResponse>, ProblemHttpResult>> GetAsync(Guid id, InspectionQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } found ? TypedResults.Ok(found) : throw Refusal.NotFound("INSPECTION-NOT-FOUND");

    private static async Task<FileContentHttpResult> EvidenceAsync(Guid id, InspectionDesk desk, HttpContext http, CancellationToken ct)
    {
        var (evidence, bytes) = await desk.EvidenceAsync(id, ct);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Content-SHA256"] = evidence.Sha256;
        return TypedResults.File(bytes, evidence.ContentType, evidence.FileName);
    }

    private static async Task<Ok<List<PlanCandidateResponse>>> SuggestAsync(InspectionDesk desk, Data.Accounts.IActor actor, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok((await desk.SuggestAsync(actor.Scope!.CityCode!, ChinaTime.Today(clock).Year, ct)).Select(PlanCandidateResponse.From).ToList());

    private static async Task<Created<InspectionSummary>> PlanAsync(PlanRequest request, InspectionDesk desk, CancellationToken ct)
    {
        var planned = await desk.PlanAsync(request, ct);
        return TypedResults.Created($"/api/v1/inspections/{planned.Id}", InspectionSummary.From(planned));
    }

    private static async Task<Results<Created<InspectionResponse>, Ok<InspectionResponse>>> RecordAsync(
        RecordRequest request, InspectionDesk desk, InspectionQueries queries, CancellationToken ct)
    {
        var stored = await desk.RecordAsync(request, ct);
        var view = (await queries.GetAsync(stored.Value.Id, ct))!;
        return stored.Created ? TypedResults.Created($"/api/v1/inspections/{view.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<InspectionResponse>> StartAsync(Guid id, StartRequest request, InspectionDesk desk, InspectionQueries queries, CancellationToken ct)
    {
        await desk.StartAsync(id, request, ct);
        return TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    private static async Task<Results<Created<WorkerResponse>, Ok<WorkerResponse>>> WorkerAsync(Guid id, WorkerRequest request, InspectionDesk desk, CancellationToken ct)
    {
        var stored = await desk.AddWorkerAsync(id, request, ct);
        var view = WorkerResponse.From(stored.Value, fullNumber: true);
        return stored.Created ? TypedResults.Created($"/api/v1/inspections/{id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Created<FindingResponse>, Ok<FindingResponse>>> FindingAsync(Guid id, FindingRequest request, InspectionDesk desk, CancellationToken ct)
    {
        var stored = await desk.AddFindingAsync(id, request, ct);
        var view = FindingResponse.From(stored.Value, []);
        return stored.Created ? TypedResults.Created($"/api/v1/inspections/{id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpContext http, InspectionDesk desk, [FromServices] IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !await antiforgery.IsRequestValidAsync(http))
            return Problems.BadRequest("ANTIFORGERY", "请求缺少有效的防伪令牌，请从检查记录页面上传。");
        if (!http.Request.HasFormContentType) throw Refusal.Invalid("INSPECTION-EVIDENCE-EMPTY");
        var form = await http.Request.ReadFormAsync(ct);
        var evidence = await EvidenceUploads.StoreAsync(desk, id, form.Files.GetFile("file"), ct);
        return TypedResults.Created($"/api/v1/inspections/evidence/{evidence.Id}", EvidenceResponse.From(evidence));
    }

    private static async Task<Ok<InspectionResponse>> ConditionsAsync(Guid id, ConditionsRequest request, InspectionDesk desk, InspectionQueries queries, CancellationToken ct)
    {
        await desk.RecordConditionsAsync(id, request, ct);
        return TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    private static async Task<Ok<InspectionResponse>> CompleteAsync(Guid id, CompleteRequest request, InspectionDesk desk, InspectionQueries queries, CancellationToken ct)
    {
        await desk.CompleteAsync(id, request, ct);
        return TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }

    private static async Task<Created<OrderResponse>> IssueOrderAsync(Guid id, OrderRequest request, InspectionDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var order = await desk.IssueOrderAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/inspections/orders/{order.Id}", OrderResponse.From(order, ChinaTime.Today(clock)));
    }

    private static async Task<Ok<List<OrderResponse>>> OrdersAsync(bool? overdue, InspectionQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        return TypedResults.Ok((await queries.OrdersAsync(overdue == true, ct)).Select(o => OrderResponse.From(o, today)).ToList());
    }

    private static async Task<Ok<OrderResponse>> ReportAsync(Guid id, ReportRequest request, InspectionDesk desk, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(OrderResponse.From(await desk.ReportAsync(id, request, ct), ChinaTime.Today(clock)));

    private static async Task<Ok<OrderResponse>> ReinspectAsync(Guid id, ReinspectRequest request, InspectionDesk desk, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(OrderResponse.From(await desk.ReinspectAsync(id, request, ct), ChinaTime.Today(clock)));

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An evidence upload the page and the API both take: size checked before reading, type by content.</summary>
public static class EvidenceUploads
{
    public static async Task<InspectionEvidence> StoreAsync(InspectionDesk desk, Guid findingId, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw Refusal.Invalid("INSPECTION-EVIDENCE-EMPTY");
        if (file.Length > EvidenceFiles.MaxBytes) throw Refusal.TooLarge("INSPECTION-EVIDENCE-TOO-LARGE", ("max", EvidenceFiles.MaxBytes / 1024 / 1024));
        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        return await desk.AddEvidenceAsync(findingId, file.FileName, buffer.ToArray(), ct);
    }
}
