using CertGuard.Core;
using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Data.Enforcement.Cases;
using CertGuard.Data.ReferenceData;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Enforcement.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>
/// <c>/api/v1/cases</c>: administrative cases from lead to closing. The city's enforcement works them, the enforcement
/// lead approves; the province office and the city office read; invited departments read and add records. Another
/// city's case is not found (404); a stale version is refused (409 CASE-STALE).
/// </summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("行政案件 Cases").RequireAuthorization(CaseAccess.Policy);
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) cases.ProducesProblem(status);
        cases.MapGet("/", ListAsync).WithSummary("本市的行政案件（stage 可选），期限最紧的在前；省安委办看全省（只读）");
        cases.MapPost("/", OpenAsync).WithSummary("由线索立案（leadIds），待执法负责人批准；线索以“已立案”办结");
        cases.MapGet("/{id:guid}", GetAsync).WithSummary("案件：阶段、缺少的文书、期限（剩余天数）、文书、时间线、撤销建议的结果；受邀部门的查阅记入审计");
        cases.MapPost("/{id:guid}/filing-approval", (Guid id, VersionRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.ApproveFilingAsync(id, r.Version, ct))).WithSummary("执法负责人批准立案");
        cases.MapPost("/{id:guid}/records", (Guid id, AddRecordRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.AddRecordAsync(id, r, ct))).WithSummary("调查记录或证据（kind: Record/Evidence）；受邀部门的记录标明部门");
        cases.MapPost("/{id:guid}/documents", AddDocumentAsync).WithSummary("制作文书（kind 为文书类型，如 penalty-notice），按机关、类型、年度编号");
        cases.MapGet("/{id:guid}/documents/{documentId:guid}/docx", DocxAsync).WithSummary("下载文书（.docx）");
        cases.MapPost("/{id:guid}/major", (Guid id, MajorRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.MarkMajorAsync(id, r, ct))).WithSummary("认定重大案件（须法制审核、集体讨论）");
        cases.MapPost("/{id:guid}/advance", (Guid id, VersionRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.AdvanceAsync(id, r.Version, ct))).WithSummary("进入下一阶段；本阶段文书不全时拒绝（CASE-DOCUMENT-MISSING）");
        cases.MapPost("/{id:guid}/hearing-request", (Guid id, VersionRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.RequestHearingAsync(id, r.Version, ct))).WithSummary("登记当事人的听证申请");
        cases.MapPost("/{id:guid}/clocks", (Guid id, ClockRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.DecideClockAsync(id, r, ct))).WithSummary("执法负责人批准期限中止（pause）、恢复（resume）或延长（extend, days），须写明理由");
        cases.MapGet("/{id:guid}/penalty-proposal", ProposeAsync).WithSummary("裁量建议：处罚事项在现行规则中的裁量档次与法定幅度");
        cases.MapPost("/{id:guid}/decision", (Guid id, DecideRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.DecideAsync(id, r, ct))).WithSummary("作出处罚决定：单位与个人分列；超出法定幅度拒绝（PENALTY-OUT-OF-RANGE）；可提出撤销证书建议");
        cases.MapPost("/{id:guid}/service", (Guid id, ServeRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.ServeAsync(id, r, ct))).WithSummary("登记送达");
        cases.MapPost("/{id:guid}/payments", (Guid id, PaymentRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.RecordPaymentAsync(id, r, ct))).WithSummary("登记缴款；逾期按日加处3%罚款，不超过罚款数额");
        cases.MapPost("/{id:guid}/closing", (Guid id, VersionRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.CloseAsync(id, r.Version, ct))).WithSummary("执法负责人结案（须结案报告与卷内目录）");
        cases.MapPost("/{id:guid}/invitations", (Guid id, InviteRequest r, [FromServices] CaseService s, CancellationToken ct) =>
            s.Run(d => d.InviteAsync(id, r, ct))).WithSummary("邀请本市公安、市场监管或网信部门联合查案（department）");

        var revocations = api.MapGroup("/revocation-requests").WithTags("行政案件 Cases").RequireAuthorization(RevocationDesk.Policy);
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) revocations.ProducesProblem(status);
        revocations.MapGet("/", async ([FromServices] RevocationDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(ct)).Select(RevocationView.From).ToList()))
            .WithSummary("发证机关收到的撤销证书建议（本市证书）");
        revocations.MapPost("/{id:guid}/approval", async (Guid id, VersionRequest r, [FromServices] RevocationDesk desk, CancellationToken ct) =>
            TypedResults.Ok(RevocationView.From(await desk.ApproveAsync(id, r.Version, ct)))).WithSummary("同意：撤销证书（欺骗取得的，3年内不得再次申请）");
        revocations.MapPost("/{id:guid}/decline", async (Guid id, DeclineRequest r, [FromServices] RevocationDesk desk, CancellationToken ct) =>
            TypedResults.Ok(RevocationView.From(await desk.DeclineAsync(id, r.Version, r.Reason, ct)))).WithSummary("不同意，须写明理由");
        return api;
    }

    private static async Task<Ok<List<CaseSummaryView>>> ListAsync([FromServices] CaseDesk desk, string? stage, CancellationToken ct)
    {
        CaseStage? s = Enum.TryParse<CaseStage>(stage, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : string.IsNullOrEmpty(stage) ? null : throw Refusal.Invalid("CASE-STAGE-UNKNOWN", ("stage", stage));
        return TypedResults.Ok((await desk.ListAsync(s, ct)).Select(CaseSummaryView.From).ToList());
    }

    private static async Task<Created<CaseView>> OpenAsync(OpenCaseRequest r, [FromServices] CaseService s, CancellationToken ct)
    {
        var opened = await s.Desk.OpenAsync(r, ct);
        return TypedResults.Created($"/api/v1/cases/{opened.Id}", await s.ViewAsync(opened, ct));
    }

    private static async Task<Ok<CaseView>> GetAsync(Guid id, [FromServices] CaseService s, CancellationToken ct) =>
        TypedResults.Ok(await s.ViewAsync(await s.Desk.FindAsync(id, ct) ?? throw Refusal.NotFound("CASE-NOT-FOUND"), ct));

    private static async Task<Created<CaseDocumentView>> AddDocumentAsync(Guid id, AddDocumentRequest r, [FromServices] CaseDesk desk, CancellationToken ct)
    {
        var (_, document) = await desk.AddDocumentAsync(id, r, ct);
        return TypedResults.Created($"/api/v1/cases/{id}/documents/{document.Id}/docx", CaseDocumentView.From(document));
    }

    private static async Task<FileContentHttpResult> DocxAsync(Guid id, Guid documentId, [FromServices] CaseDesk desk,
        [FromServices] ReferenceDataProvider reference, CancellationToken ct)
    {
        var c = await desk.FindAsync(id, ct) ?? throw Refusal.NotFound("CASE-NOT-FOUND");
        var d = c.Documents.SingleOrDefault(x => x.Id == documentId) ?? throw Refusal.NotFound("CASE-NOT-FOUND");
        using var stream = new MemoryStream();
        OfficialDocumentDocx.Write(CaseOfficialDocuments.For(c, d, reference.Today), stream);
        return TypedResults.File(stream.ToArray(), OfficialDocumentDocx.ContentType, $"{d.Kind.Title()}-{d.Number}.docx");
    }

    private static async Task<Ok<PenaltyProposal>> ProposeAsync(Guid id, string? rule, bool? firstOffence, int? workers, bool? correctedInTime,
        bool? majorHiddenHazard, [FromServices] CaseDesk desk, CancellationToken ct)
    {
        _ = await desk.FindAsync(id, ct) ?? throw Refusal.NotFound("CASE-NOT-FOUND");
        return TypedResults.Ok(desk.Propose(rule ?? "", new PenaltyCircumstances(firstOffence ?? true, workers ?? 1, correctedInTime ?? false, majorHiddenHazard ?? false)));
    }
}

public sealed record DeclineRequest(int Version, string? Reason);

public sealed record CaseSummaryView(Guid Id, string RegionCode, string Title, string Stage, string StageName, string? PersonName, string? OrganisationName,
    DateTimeOffset OpenedAt, bool FilingApproved, long FineYuan, CaseClockView? NextClock, int Version)
{
    public static CaseSummaryView From(CaseSummary s) =>
        new(s.Id, s.RegionCode, s.Title, s.Stage.ToString(), CaseProcedure.Rule(s.Stage).Name, s.PersonName, s.OrganisationName, s.OpenedAt,
            s.FilingApproved, s.FineYuan, s.NextClock is { } k ? CaseClockView.From(k) : null, s.Version);
}

/// <summary>What the case endpoints need: the desk and the view with the case's clocks and revocation outcomes.</summary>
public sealed class CaseService(CaseDesk desk)
{
    public CaseDesk Desk => desk;

    public async Task<CaseView> ViewAsync(EnforcementCase c, CancellationToken ct) =>
        CaseView.From(c, desk.Clocks(c), await desk.RevocationsOfAsync(c.Id, ct));

    public async Task<Ok<CaseView>> Run(Func<CaseDesk, Task<EnforcementCase>> action)
    {
        var c = await action(desk);
        return TypedResults.Ok(await ViewAsync(c, CancellationToken.None));
    }
}
