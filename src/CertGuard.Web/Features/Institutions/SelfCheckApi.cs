using System.Security.Claims;
using CertGuard.Core;
using CertGuard.Core.Regions;
using CertGuard.Data.Institutions;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Institutions;

/// <summary>
/// <c>/api/v1/institutions</c>: the self-check questionnaire (read by institutions and offices, edited by the province
/// office, each edit a new version), the institutions' answers, and the results per institution for the offices.
/// </summary>
public static class SelfCheckApi
{
    public static RouteGroupBuilder MapSelfCheckApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/institutions").WithTags("机构自查 Institution self-checks");
        foreach (var status in new[] { 400, 401, 403, 404, 409 }) group.ProducesProblem(status);

        var questionnaire = group.MapGroup("/questionnaire").RequireAuthorization(InstitutionAccess.ReaderPolicy);
        questionnaire.MapGet("/", async (SelfCheckBook book, CancellationToken ct) => QuestionnaireView.From(await book.CurrentAsync(ct)))
            .WithSummary("现行的自查问卷（安全生产培训机构基本条件）");
        questionnaire.MapGet("/versions", async (SelfCheckBook book, CancellationToken ct) =>
            (await book.VersionsAsync(ct)).Select(QuestionnaireView.From).ToList()).WithSummary("问卷的全部版本，新的在前");
        questionnaire.MapGet("/versions/{version:int}", VersionAsync).WithSummary("问卷的某一版本（历史答卷按其作答的版本显示）");

        var questions = questionnaire.MapGroup("/questions").RequireAuthorization(InstitutionAccess.EditorPolicy);
        questions.MapPost("/", (QuestionRequest r, SelfCheckBook book, ClaimsPrincipal user, CancellationToken ct) =>
            Publish(r.Version, v => book.AddAsync(v, r.Text, r.Guidance, ct)))
            .WithSummary("省安委办新增问题（version 为编辑时看到的版本），发布新版本");
        questions.MapPut("/{key}", (string key, QuestionRequest r, SelfCheckBook book, ClaimsPrincipal user, CancellationToken ct) =>
            Publish(r.Version, v => book.EditAsync(v, key, r.Text, r.Guidance, ct)))
            .WithSummary("省安委办修改问题，发布新版本；已提交的答卷保留原版本");
        questions.MapDelete("/{key}", (string key, int? version, SelfCheckBook book, ClaimsPrincipal user, CancellationToken ct) =>
            Publish(version, v => book.RetireAsync(v, key, ct)))
            .WithSummary("省安委办停用问题（?version=），发布新版本");

        group.MapPost("/self-checks", SubmitAsync).RequireAuthorization(InstitutionAccess.SelfPolicy)
            .WithSummary("培训或考试机构按现行问卷提交自查（每题 met 与 note；不符合的须填写整改措施）");
        group.MapGet("/", ResultsAsync).RequireAuthorization(InstitutionAccess.ReaderPolicy)
            .WithSummary("各机构最新的自查结果：市安委办为本市，省安委办为全省（可 ?city=），机构仅本机构；未达标的在前");
        group.MapGet("/{id:guid}/self-checks", HistoryAsync).RequireAuthorization(InstitutionAccess.ReaderPolicy)
            .WithSummary("某机构的全部自查答卷，新的在前");
        return api;
    }

    private static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> VersionAsync(int version, SelfCheckBook book, CancellationToken ct)
    {
        await book.CurrentAsync(ct);
        return await book.VersionAsync(version, ct) is { } found
            ? TypedResults.Ok(QuestionnaireView.From(found))
            : Problems.NotFound("SELFCHECK-VERSION-NOT-FOUND", $"问卷没有第 {version} 版。");
    }

    private static async Task<Results<Ok<QuestionnaireView>, ProblemHttpResult>> Publish(
        int? seen, Func<int, Task<Core.Institutions.QuestionnaireVersion>> publish)
    {
        if (seen is not { } version) return Problems.BadRequest("SELFCHECK-VERSION-REQUIRED", "请注明编辑时看到的问卷版本（version）。");
        return TypedResults.Ok(QuestionnaireView.From(await publish(version)));
    }

    private static async Task<Results<Ok<SelfCheckView>, ProblemHttpResult>> SubmitAsync(
        SelfCheckRequest request, SelfCheckBook book, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.Version is not { } version) return Problems.BadRequest("SELFCHECK-VERSION-REQUIRED", "请注明作答的问卷版本（version）。");
        var submission = await book.SubmitAsync(InstitutionAccess.Own(user), version, request.Collect(), ct);
        return TypedResults.Ok(SelfCheckView.From(submission));
    }

    private static async Task<Results<Ok<InstitutionResultsView>, ProblemHttpResult>> ResultsAsync(
        [FromQuery] string? city, SelfCheckBook book, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(city) && !RegionDirectory.Guangdong.IsCity(city.Trim()))
            return Problems.BadRequest("SELFCHECK-CITY", "city 应为广东省地级以上市的行政区划代码，如 440100。");
        return TypedResults.Ok(await LoadResultsAsync(book, user, city, ct));
    }

    /// <summary>The offices' view (and an institution's own line), as the API and the page show it.</summary>
    public static async Task<InstitutionResultsView> LoadResultsAsync(SelfCheckBook book, ClaimsPrincipal user, string? city, CancellationToken ct)
    {
        var (reach, only) = InstitutionAccess.Reach(user, city);
        var current = await book.CurrentAsync(ct);
        var results = await book.ResultsAsync(reach, only, ct);
        var items = results.Select(r => InstitutionResultView.From(r, current.Version)).ToList();
        return new(reach, current.Version, items.Count, items.Count(i => i.Latest is not null), items.Count(i => i.Latest is { ConditionsMet: true }), items);
    }

    private static async Task<Results<Ok<List<SelfCheckView>>, ProblemHttpResult>> HistoryAsync(
        Guid id, SelfCheckBook book, ClaimsPrincipal user, CancellationToken ct)
    {
        var institution = await book.InstitutionAsync(id, ct);
        if (institution is null || !InstitutionAccess.MayRead(user, institution))
            return Problems.NotFound("INSTITUTION-NOT-FOUND", "没有找到该机构，或不在您的管辖范围内。");
        return TypedResults.Ok((await book.HistoryAsync(id, ct)).Select(SelfCheckView.From).ToList());
    }
}
