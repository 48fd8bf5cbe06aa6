using CertGuard.Core;
using CertGuard.Core.Enforcement.TypicalCases;
using CertGuard.Data.Database;
using CertGuard.Data.Enforcement.TypicalCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Enforcement.TypicalCases;

/// <summary>
/// <c>/api/v1/typical-cases</c>: the desk (officers draft from closed cases, the city office then the province office
/// approve, either returns or withdraws; personal data refused with 422 PUBLICATION-PERSONAL-DATA) and
/// <c>/api/v1/public/typical-cases</c>, what everyone reads.
/// </summary>
public static class TypicalCasesApi
{
    public static RouteGroupBuilder MapTypicalCasesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/typical-cases").WithTags("典型案例 Typical cases").RequireAuthorization(TypicalCaseAccess.Policy);
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) group.ProducesProblem(status);
        group.MapGet("/", async ([FromServices] TypicalCaseDesk desk, CancellationToken ct) => TypedResults.Ok((await desk.ListAsync(ct)).Select(TypicalCaseView.From).ToList()))
            .WithSummary("典型案例（本市；省安委办看全省），各状态");
        group.MapPost("/", DraftAsync).WithSummary("执法人员由已结案件起草（caseId）：日期、城市、案情、处罚结果已预填，个人信息已去除");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("一个典型案例");
        group.MapPut("/{id:guid}", (Guid id, EditTypicalCaseRequest r, [FromServices] TypicalCaseDesk desk, CancellationToken ct) =>
            Run(desk.EditAsync(id, r, ct))).WithSummary("修改草稿（title、facts、penalty）");
        group.MapPost("/{id:guid}/submission", (Guid id, CertGuard.Data.Enforcement.Cases.VersionRequest r, [FromServices] TypicalCaseDesk desk, CancellationToken ct) =>
            Run(desk.SubmitAsync(id, r.Version, ct))).WithSummary("提交市安委办审核；仍含个人信息的拒绝（422 PUBLICATION-PERSONAL-DATA）");
        group.MapPost("/{id:guid}/approval", (Guid id, CertGuard.Data.Enforcement.Cases.VersionRequest r, [FromServices] TypicalCaseDesk desk, CancellationToken ct) =>
            Run(desk.ApproveAsync(id, r.Version, ct))).WithSummary("市安委办审核通过，再由省安委办审核发布");
        group.MapPost("/{id:guid}/return", (Guid id, ReasonRequest r, [FromServices] TypicalCaseDesk desk, CancellationToken ct) =>
            Run(desk.ReturnAsync(id, r, ct))).WithSummary("退回起草人修改（reason）");
        group.MapPost("/{id:guid}/withdrawal", (Guid id, ReasonRequest r, [FromServices] TypicalCaseDesk desk, CancellationToken ct) =>
            Run(desk.WithdrawAsync(id, r, ct))).WithSummary("撤回已发布的典型案例（reason），记录撤回人和理由，从公开页面和订阅中删除");

        api.MapGet("/public/typical-cases", async ([FromKeyedServices(ReadOnlyDb.Key)] TypicalCaseDesk desk, CancellationToken ct) =>
                TypedResults.Ok((await desk.PublishedAsync(ct)).Select(PublicTypicalCaseView.From).ToList()))
            .AllowAnonymous().WithTags("典型案例 Typical cases").WithSummary("已发布的典型案例（公开）：日期、城市、案情、处罚结果");
        return api;
    }

    private static async Task<Created<TypicalCaseView>> DraftAsync(DraftTypicalCaseRequest r, [FromServices] TypicalCaseDesk desk, CancellationToken ct)
    {
        var drafted = await desk.DraftAsync(r.CaseId, ct);
        return TypedResults.Created($"/api/v1/typical-cases/{drafted.Id}", TypicalCaseView.From(drafted));
    }

    private static async Task<Ok<TypicalCaseView>> GetAsync(Guid id, [FromServices] TypicalCaseDesk desk, CancellationToken ct) =>
        TypedResults.Ok(TypicalCaseView.From(await desk.FindAsync(id, ct) ?? throw Refusal.NotFound("TYPICAL-CASE-NOT-FOUND")));

    private static async Task<Ok<TypicalCaseView>> Run(Task<TypicalCase> action) => TypedResults.Ok(TypicalCaseView.From(await action));
}

public sealed record DraftTypicalCaseRequest(Guid CaseId);

