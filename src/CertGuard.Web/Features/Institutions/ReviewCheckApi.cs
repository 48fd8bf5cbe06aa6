using System.Security.Claims;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data.Institutions;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Features.Verification;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Institutions;

/// <summary>
/// <c>/api/v1/institutions/review-checks</c>: a training or exam institution checks an applicant's certificate at
/// review (复审) and lists its own past checks. Limited per number and per institution by its misses (NameCheckLimits:
/// 429 with Retry-After), and not audited per check: the verification log is the record.
/// </summary>
public static class ReviewCheckApi
{
    public const int MaxRecent = 200;

    public static RouteGroupBuilder MapReviewCheckApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/institutions/review-checks").WithTags("复审核验 Review checks").RequireAuthorization(InstitutionAccess.SelfPolicy);
        group.MapPost("/", CheckAsync)
            .WithSummary("复审核验：录入申请人操作证（证号、姓名、准操项目，可选作业类别与初领日期），返回登记库结论；登记库中没有的证书被拦截并报告市安委办");
        group.MapGet("/", RecentAsync).WithSummary("本机构最近的复审核验记录（limit 默认 50，最多 200）");
        return api;
    }

    private static async Task<Results<Ok<ReviewCheckResponse>, ProblemHttpResult>> CheckAsync(
        ReviewCheckForm form, ClaimsPrincipal user, ReviewChecker checker, TimeProvider clock, CertificateRules rules, CertificateLabels labels,
        CancellationToken ct)
    {
        if (form.TryRead(ChinaTime.Today(clock), out var input) is { } problem) return problem;
        var result = await checker.CheckAsync(input, InstitutionAccess.Own(user), ct);
        return TypedResults.Ok(ReviewCheckResponse.From(result, input.Number, clock, rules, labels));
    }

    private static async Task<Results<Ok<List<ReviewCheckLogItem>>, ProblemHttpResult>> RecentAsync(
        int? limit, ClaimsPrincipal user, ReviewChecker checker, CancellationToken ct)
    {
        var take = limit ?? 50;
        if (take is < 1 or > MaxRecent) return Problems.BadRequest("REVIEW-LIMIT", $"limit 应为 1 至 {MaxRecent} 之间的整数。");
        var records = await checker.RecentAsync(InstitutionAccess.Own(user), take, ct);
        return TypedResults.Ok(records.Select(ReviewCheckLogItem.From).ToList());
    }
}
