using System.Security.Claims;
using CertGuard.Core;
using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// <c>/api/v1/rectifications</c>: each failing worker's rectification item (整改) with its deadline and required action;
/// the employer reports what it did, the city office confirms or returns; a suspected fake becomes an inspection lead.
/// </summary>
public static class RectificationApi
{
    public sealed record ItemResponse(
        Guid Id, Guid EmployerId, string WorkerName, string MaskedNumber, string? Position, string Verdict, string VerdictName, string Reason,
        string RequiredAction, string RequiredActionName, DateOnly Deadline, bool Overdue, string Status, string? ActionTaken,
        DateTimeOffset? ReportedAt, string? OfficeNote, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, Guid? LeadId)
    {
        public static ItemResponse From(RectificationItem i, DateOnly today) => new(
            i.Id, i.OrganisationId, i.WorkerName, ResidentIdNumber.Mask(i.Number), i.PositionName, i.Verdict.Code(), i.Verdict.ChineseName(), i.Reason,
            i.RequiredAction.Code(), i.RequiredAction.ChineseName(), i.Deadline, i.IsOverdue(today), StatusCode(i.Status), i.ActionTaken,
            i.ReportedAt, i.OfficeNote, i.OpenedAt, i.ClosedAt, i.LeadId);
    }

    public sealed record TextRequest(string? Text);

    public sealed record LeadResponse(Guid LeadId, Guid ItemId, string RegionCode);

    public static RouteGroupBuilder MapRectificationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rectifications").WithTags("整改 Rectification").RequireAuthorization(EmployerAccess.AnyPolicy);
        group.MapGet("/", ListAsync).WithSummary("整改事项：用人单位看本单位，市安委办看本市（status=open|reported|returned|confirmed|resolved，overdue=true 只看逾期，employer 按单位）");
        group.MapPost("/{id:guid}/report", ReportAsync).RequireAuthorization(EmployerAccess.SelfPolicy).WithSummary("用人单位填报整改情况");
        group.MapPost("/{id:guid}/confirm", ConfirmAsync).RequireAuthorization(EmployerAccess.OfficePolicy).WithSummary("市安委办确认整改");
        group.MapPost("/{id:guid}/return", ReturnAsync).RequireAuthorization(EmployerAccess.OfficePolicy).WithSummary("市安委办退回整改（须写理由）");
        group.MapPost("/{id:guid}/lead", LeadAsync).WithSummary("疑似假证一键转为执法检查线索");
        return api;
    }

    public static string StatusCode(RectificationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A status by its name (any case); numbers, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would take, are not.</summary>
    public static bool TryParseStatus(string? text, out RectificationStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && !int.TryParse(text, out _);

    private static async Task<Results<Ok<List<ItemResponse>>, ProblemHttpResult>> ListAsync(
        string? status, bool? overdue, Guid? employer, ClaimsPrincipal user, RectificationDesk desk, TimeProvider clock, CancellationToken ct)
    {
        RectificationStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!TryParseStatus(status, out var parsed))
                return Problems.BadRequest("RECTIFY-STATUS", "status 应为 open、reported、returned、confirmed 或 resolved。");
            wanted = parsed;
        }
        var today = ChinaTime.Today(clock);
        var items = await desk.ListAsync(new RectificationFilter(wanted, overdue == true, employer), ct);
        return TypedResults.Ok(items.Select(i => ItemResponse.From(i, today)).ToList());
    }

    private static Task<Results<Ok<ItemResponse>, ProblemHttpResult>> ReportAsync(Guid id, TextRequest request, ClaimsPrincipal user, RectificationDesk desk, TimeProvider clock, CancellationToken ct) =>
        ActAsync(() => desk.ReportAsync(id, request.Text ?? "", ct), clock);

    private static Task<Results<Ok<ItemResponse>, ProblemHttpResult>> ConfirmAsync(Guid id, TextRequest? request, ClaimsPrincipal user, RectificationDesk desk, TimeProvider clock, CancellationToken ct) =>
        ActAsync(() => desk.ConfirmAsync(id, request?.Text, ct), clock);

    private static Task<Results<Ok<ItemResponse>, ProblemHttpResult>> ReturnAsync(Guid id, TextRequest request, ClaimsPrincipal user, RectificationDesk desk, TimeProvider clock, CancellationToken ct) =>
        ActAsync(() => desk.ReturnAsync(id, request.Text ?? "", ct), clock);

    private static async Task<Results<Created<LeadResponse>, ProblemHttpResult>> LeadAsync(Guid id, ClaimsPrincipal user, RectificationDesk desk, CancellationToken ct)
    {
        var lead = await desk.RaiseLeadAsync(id, ct);
        return lead is null ? NotFound() : TypedResults.Created($"/api/v1/rectifications/{id}", new LeadResponse(lead.Id, id, lead.RegionCode));
    }

    private static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> ActAsync(Func<Task<RectificationItem?>> act, TimeProvider clock)
    {
        var item = await act();
        return item is null ? NotFound() : TypedResults.Ok(ItemResponse.From(item, ChinaTime.Today(clock)));
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound("RECTIFY-NOT-FOUND", "未找到该整改事项，或它不在您的管辖范围内。");
}
