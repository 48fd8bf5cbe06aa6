using System.Security.Claims;
using CertGuard.Core;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Data;
using CertGuard.Data.Employers;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// The employer's roster self-check: <c>POST /api/v1/roster/checks</c> (multipart field <c>file</c>) checks every
/// worker against the registry and keeps the roster; the history of checks, the current one, a recheck, the template.
/// </summary>
public static class RosterApi
{
    public static RouteGroupBuilder MapRosterApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/roster").WithTags("用人单位名册自查 Roster").RequireAuthorization(EmployerAccess.SelfPolicy);
        group.MapPost("/checks", CheckAsync)
            .DisableAntiforgery() // checked by hand for cookie sign-ins; API keys carry no cookie to forge
            .WithMetadata(new RequestSizeLimitAttribute(RosterUploads.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: RosterUploads.MaxRequestBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<RosterCheckResponse>()
            .WithSummary("上传名册核验（CSV：UTF-8 或 GB18030；xlsx；表头 姓名,证件号码,岗位）。逐行给出结论（valid、wrong-item、review-overdue、expired、revoked、not-found、name-mismatch、bad-id、bad-row）与中文原因，并给出汇总与依法持证率；名册成为本单位当前的作业人员名单。");
        group.MapGet("/checks", HistoryAsync).WithSummary("本单位历次名册核验（依法持证率的变化）");
        group.MapGet("/checks/current", CurrentAsync).WithSummary("本单位当前名册的逐行结论");
        group.MapGet("/checks/{id:guid}", OneAsync).WithSummary("本单位某次核验的逐行结论");
        group.MapPost("/rechecks", RecheckAsync).WithSummary("按今天的登记库重新核验当前名册（整改后依法持证率随之更新）");
        group.MapGet("/reminders", RemindersAsync).WithSummary("复审提醒：当前名册中 days 天内（默认60天）应复审及已逾期未复审的作业人员");
        group.MapGet("/template", TemplateAsync).WithSummary("下载名册模板：format=xlsx（含填写说明、本单位岗位、准操项目）或 csv（仅表头）");
        return api;
    }

    private static async Task<Results<Ok<RosterCheckResponse>, ProblemHttpResult>> CheckAsync(
        HttpContext http, ClaimsPrincipal user, [FromServices] RosterChecker checker, [FromServices] IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await ForgedAsync(http, antiforgery))
            return Problems.BadRequest("ANTIFORGERY", "请求缺少有效的防伪令牌，请从名册页面上传。");
        if (!http.Request.HasFormContentType)
            return Problems.BadRequest("ROSTER-FILE-REQUIRED", "请以 multipart/form-data 上传名册文件（字段名 file）。");
        var form = await http.Request.ReadFormAsync(ct);
        var (result, refusal) = await RosterUploads.CheckAsync(http, checker, EmployerAccess.OwnEmployer(user)!.Value, form.Files.GetFile("file"), ct);
        if (refusal is { } r) return Problems.Create(r.Status, r.Code, r.Message);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var answer = RosterCheckResponse.From(result!);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RosterApi)).LogInformation(
            "Roster check phase {Phase}: {Milliseconds} ms ({Rows} rows)", "answer", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, answer.Results.Count);
        return TypedResults.Ok(answer);
    }

    private static async Task<Ok<List<RosterCheckListItem>>> HistoryAsync(ClaimsPrincipal user, CertGuardDbContext db, CancellationToken ct)
    {
        var organisation = EmployerAccess.OwnEmployer(user)!.Value;
        var checks = await db.Set<RosterCheck>().AsNoTracking().Where(c => c.OrganisationId == organisation).OrderByDescending(c => c.At).ToListAsync(ct);
        return TypedResults.Ok(checks.Select(RosterCheckListItem.From).ToList());
    }

    private static async Task<Results<Ok<RosterCheckResponse>, ProblemHttpResult>> CurrentAsync(ClaimsPrincipal user, CertGuardDbContext db, CancellationToken ct)
    {
        var organisation = EmployerAccess.OwnEmployer(user)!.Value;
        var check = await db.Set<RosterCheck>().AsNoTracking().CurrentOf(organisation).FirstOrDefaultAsync(ct);
        return check is null ? Problems.NotFound("ROSTER-NONE", "本单位还没有上传名册。") : TypedResults.Ok(await WithRowsAsync(db, check, ct));
    }

    private static async Task<Results<Ok<RosterCheckResponse>, ProblemHttpResult>> OneAsync(Guid id, ClaimsPrincipal user, CertGuardDbContext db, CancellationToken ct)
    {
        var organisation = EmployerAccess.OwnEmployer(user)!.Value;
        var check = await db.Set<RosterCheck>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.OrganisationId == organisation, ct);
        return check is null ? Problems.NotFound("ROSTER-CHECK-NOT-FOUND", "未找到该次核验，或它不属于本单位。") : TypedResults.Ok(await WithRowsAsync(db, check, ct));
    }

    private static async Task<Results<Ok<RosterCheckResponse>, ProblemHttpResult>> RecheckAsync(
        HttpContext http, ClaimsPrincipal user, [FromServices] RosterChecker checker, [FromServices] IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await ForgedAsync(http, antiforgery))
            return Problems.BadRequest("ANTIFORGERY", "请求缺少有效的防伪令牌。");
        return TypedResults.Ok(RosterCheckResponse.From(await checker.RecheckAsync(EmployerAccess.OwnEmployer(user)!.Value, ct)));
    }

    private static async Task<Results<Ok<List<WorkerReminder>>, ProblemHttpResult>> RemindersAsync(
        int? days, ClaimsPrincipal user, RosterReminders reminders, CertificateRules rules, CancellationToken ct)
    {
        var window = days ?? rules.ReviewWindowDays;
        if (window is < 1 or > 366) return Problems.BadRequest("REMINDERS-DAYS", "days 应为 1 至 366 之间的整数。");
        return TypedResults.Ok(await reminders.ForAsync(EmployerAccess.OwnEmployer(user)!.Value, window, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateAsync(string? format, ClaimsPrincipal user, CertGuardDbContext db, CancellationToken ct)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            return Problems.BadRequest("FORMAT-UNKNOWN", "format 只能是 xlsx 或 csv。");
        using var buffer = new MemoryStream();
        if (csv)
        {
            await RosterTemplate.WriteCsvAsync(buffer, ct);
        }
        else
        {
            var organisation = EmployerAccess.OwnEmployer(user)!.Value;
            RosterTemplate.WriteXlsx(buffer, await db.Set<Position>().AsNoTracking().Where(p => p.OrganisationId == organisation).OrderBy(p => p.Name).ToListAsync(ct));
        }
        return TypedResults.File(buffer.ToArray(), csv ? "text/csv; charset=utf-8" : ExportMedia.Xlsx, csv ? "名册模板.csv" : "名册模板.xlsx");
    }

    /// <summary>A cookie sign-in without a valid antiforgery token; API keys carry no cookie to forge.</summary>
    private static async Task<bool> ForgedAsync(HttpContext http, IAntiforgery antiforgery) =>
        !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && !await antiforgery.IsRequestValidAsync(http);

    public static async Task<RosterCheckResponse> WithRowsAsync(CertGuardDbContext db, RosterCheck check, CancellationToken ct)
    {
        var rows = await db.Set<RosterRow>().AsNoTracking().Where(r => r.CheckId == check.Id).ToListAsync(ct);
        return RosterCheckResponse.From(check, rows);
    }
}
