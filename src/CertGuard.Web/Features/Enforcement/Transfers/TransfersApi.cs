using CertGuard.Core;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Web.Features.Enforcement.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>
/// <c>/api/v1/transfers</c>: transfers to the police (两法衔接). The city's enforcement reports and sends, its head
/// approves; the police of the city accept, decide and count; the offices read (the province all). Another city's
/// transfer is not found (404); a stale version is refused (409 TRANSFER-STALE).
/// </summary>
public static class TransfersApi
{
    public static RouteGroupBuilder MapTransfersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/transfers").WithTags("移送公安 Transfers").RequireAuthorization(TransferAccess.Policy);
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) g.ProducesProblem(status);
        g.MapGet("/", ListAsync).WithSummary("移送案件（state 可选），期限最紧的在前；公安只看移送本局的，省安委办看全省（只读）");
        g.MapGet("/flagged", async ([FromServices] TransferDesk desk, CancellationToken ct) =>
            TypedResults.Ok((await desk.FlaggedAsync(ct)).Select(FlaggedCaseView.From).ToList()))
            .WithSummary("疑似以罚代刑：涉嫌伪造、变造、买卖证件的案件已作出罚款决定或结案，但未移送、也无经批准的不移送理由");
        g.MapPost("/", ReportAsync).WithSummary("移送报告：caseId、两名以上执法人员、移送理由与材料（调查报告、涉案物品清单、检验鉴定报告、其他证据）");
        g.MapGet("/{id:guid}", GetAsync).WithSummary("移送案件：状态、材料、期限、公安决定与统计数");
        g.MapPut("/{id:guid}/report", (Guid id, ReviseTransferRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.ReviseAsync(id, r, ct))).WithSummary("补充或修改移送报告与材料（移送前）");
        g.MapPost("/{id:guid}/approval", (Guid id, TransferVersionRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.ApproveAsync(id, r.Version, ct))).WithSummary("执法负责人批准移送（3日内）");
        g.MapPost("/{id:guid}/refusal", (Guid id, TransferReasonRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.RefuseAsync(id, r, ct))).WithSummary("执法负责人不同意移送，须写明理由（记为经批准的不移送理由）");
        g.MapPost("/{id:guid}/sending", (Guid id, TransferVersionRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.SendAsync(id, r.Version, ct))).WithSummary("批准后24小时内移送本市公安局；材料不全拒绝（TRANSFER-PACKAGE-INCOMPLETE）");
        g.MapGet("/{id:guid}/documents/{slug}/docx", DocxAsync).WithSummary("下载移送材料（.docx）：transfer-letter、investigation-report、seized-items、appraisal-report、evidence-list");
        g.MapPost("/{id:guid}/acceptance", (Guid id, TransferVersionRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.AcceptAsync(id, r.Version, ct))).WithSummary("公安机关受理");
        g.MapPost("/{id:guid}/police-decision", (Guid id, PoliceDecisionRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.DecideAsync(id, r, ct))).WithSummary("公安机关立案（file=true）或不予立案，须写明理由（3日内）");
        g.MapPost("/{id:guid}/notice", (Guid id, TransferVersionRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.NotifyAsync(id, r.Version, ct))).WithSummary("公安机关书面告知移送机关（决定后3日内）");
        g.MapPost("/{id:guid}/reconsideration", (Guid id, TransferReasonRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.AskReconsiderationAsync(id, r, ct))).WithSummary("不予立案的，移送机关提请复议（3日内）");
        g.MapPost("/{id:guid}/reconsideration-answer", (Guid id, PoliceDecisionRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.AnswerReconsiderationAsync(id, r, ct))).WithSummary("公安机关作出复议决定（3日内）：立案或维持不予立案");
        g.MapPost("/{id:guid}/procuratorate", (Guid id, TransferReasonRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.AskProcuratorateAsync(id, r, ct))).WithSummary("建议人民检察院依法进行立案监督（登记）");
        g.MapPost("/{id:guid}/counts", (Guid id, CampaignCountsRequest r, [FromServices] TransferDesk d, CancellationToken ct) =>
            Run(d, () => d.RecordCountsAsync(id, r, ct))).WithSummary("立案后登记：抓获犯罪嫌疑人、捣毁窝点、打掉假冒网站团伙、收缴假证、假证来源（可关联网站线索）");
        g.MapPost("/assistance", async (AssistanceRequest r, [FromServices] TransferDesk d, CancellationToken ct) => TypedResults.Ok(await d.AssistAsync(r, ct)))
            .WithSummary("公安协查：按身份证号或证书编号查询持证人的证书与核验记录，须写明事由；记入审计");
        return api;
    }

    private static async Task<Ok<List<TransferView>>> ListAsync([FromServices] TransferDesk desk, string? state, CancellationToken ct)
    {
        TransferState? s = Enum.TryParse<TransferState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : string.IsNullOrEmpty(state) ? null : throw Refusal.Invalid("TRANSFER-STATE-UNKNOWN", ("state", state));
        return TypedResults.Ok((await desk.ListAsync(s, ct)).Select(t => TransferView.From(t.Transfer, desk.Clocks(t.Transfer))).ToList());
    }

    private static async Task<Created<TransferView>> ReportAsync(NewTransferRequest r, [FromServices] TransferDesk desk, CancellationToken ct)
    {
        var t = await desk.ReportAsync(r.CaseId, r.Report, ct);
        return TypedResults.Created($"/api/v1/transfers/{t.Id}", TransferView.From(t, desk.Clocks(t)));
    }

    private static async Task<Ok<TransferView>> GetAsync(Guid id, [FromServices] TransferDesk desk, CancellationToken ct)
    {
        var t = await desk.FindAsync(id, ct) ?? throw Refusal.NotFound("TRANSFER-NOT-FOUND");
        return TypedResults.Ok(TransferView.From(t, desk.Clocks(t)));
    }

    private static async Task<FileContentHttpResult> DocxAsync(Guid id, string slug, [FromServices] TransferDesk desk, CancellationToken ct)
    {
        var t = await desk.FindAsync(id, ct) ?? throw Refusal.NotFound("TRANSFER-NOT-FOUND");
        var d = TransferPackage.Find(t, slug) ?? throw Refusal.NotFound("TRANSFER-NOT-FOUND");
        using var stream = new MemoryStream();
        OfficialDocumentDocx.Write(d.Document, stream);
        return TypedResults.File(stream.ToArray(), OfficialDocumentDocx.ContentType, $"{d.Document.Title}.docx");
    }

    private static async Task<Ok<TransferView>> Run(TransferDesk desk, Func<Task<CaseTransfer>> action)
    {
        var t = await action();
        return TypedResults.Ok(TransferView.From(t, desk.Clocks(t)));
    }
}

/// <summary>A new transfer report from a case.</summary>
public sealed record NewTransferRequest(Guid CaseId, TransferReportRequest Report);
