using CertGuard.Core;
using CertGuard.Data.Enforcement.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Enforcement.Supervision;

/// <summary>
/// <c>/api/v1/supervision</c>: supervised cases (挂牌督办). The province office (any city) or a city office (its own)
/// places a case under supervision; the case city's enforcement reports progress; only the supervising office lifts it
/// (403 SUPERVISION-LIFT-FORBIDDEN for anyone else). Another city's supervision is not found (404).
/// </summary>
public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/supervision").WithTags("挂牌督办 Supervised cases").RequireAuthorization(SupervisionAccess.Policy);
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) group.ProducesProblem(status);
        group.MapGet("/", ListAsync).WithSummary("挂牌督办案件：剩余天数、最近一次进展报告、是否逾期；省安委办看全省，市看本市");
        group.MapPost("/", PlaceAsync).WithSummary("挂牌督办（caseId、requirements；deadline 与 reportIntervalDays 缺省取参考数据）：省安委办可督办全省，市安委办只督办本市");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("督办案件：督办要求、期限、进展报告、验收意见");
        group.MapPost("/{id:guid}/reports", ReportAsync).WithSummary("承办机关（案件所在市的执法人员、执法负责人）报送进展");
        group.MapPost("/{id:guid}/lifting", LiftAsync).WithSummary("督办机关验收销号（result）；其他任何人 403 SUPERVISION-LIFT-FORBIDDEN");
        return api;
    }

    private static async Task<Ok<List<SupervisionView>>> ListAsync([FromServices] SupervisionDesk desk, CancellationToken ct) =>
        TypedResults.Ok((await desk.ListAsync(ct)).Select(SupervisionView.From).ToList());

    private static async Task<Created<SupervisionView>> PlaceAsync(PlaceSupervisionRequest r, [FromServices] SupervisionDesk desk, CancellationToken ct)
    {
        var placed = await desk.PlaceAsync(r, ct);
        return TypedResults.Created($"/api/v1/supervision/{placed.Id}", await ViewAsync(desk, placed.Id, ct));
    }

    private static async Task<Ok<SupervisionView>> GetAsync(Guid id, [FromServices] SupervisionDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(desk, id, ct));

    private static async Task<Ok<SupervisionView>> ReportAsync(Guid id, SupervisionReportRequest r, [FromServices] SupervisionDesk desk, CancellationToken ct)
    {
        await desk.ReportAsync(id, r, ct);
        return TypedResults.Ok(await ViewAsync(desk, id, ct));
    }

    private static async Task<Ok<SupervisionView>> LiftAsync(Guid id, LiftSupervisionRequest r, [FromServices] SupervisionDesk desk, CancellationToken ct)
    {
        await desk.LiftAsync(id, r, ct);
        return TypedResults.Ok(await ViewAsync(desk, id, ct));
    }

    private static async Task<SupervisionView> ViewAsync(SupervisionDesk desk, Guid id, CancellationToken ct) =>
        SupervisionView.From(await desk.FindAsync(id, ct) ?? throw Refusal.NotFound("SUPERVISION-NOT-FOUND"));
}
