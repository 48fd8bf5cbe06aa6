using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>The public query's API: no account needed; rate-limited per client and per certificate number.</summary>
public static class PublicQueryApi
{
    public const string PassPath = "/api/v1/public";
    public const string ChallengePath = "/api/v1/public/challenge";

    public sealed record SolveRequest(string? Challenge, string? Nonce);

    public sealed record PassResponse(string Pass, int Queries, DateTimeOffset ExpiresAt);

    public static RouteGroupBuilder MapPublicQueryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("公众查询 Public query").AllowAnonymous();
        group.MapGet("/verify", VerifyAsync)
            .RequireRateLimiting(PublicQueryRateLimits.ClientPolicy).WithMetadata(PerNumberLimit.Instance)
            .WithSummary("官方查询：证号（或身份证号）加持证人姓名，返回该持证人的证书及其状态；查无此号与姓名不符的回答完全相同");
        group.MapPost("/checks", HolderChecks.AnswerAsync)
            .RequireRateLimiting(PublicQueryRateLimits.ClientPolicy)
            .WithSummary("持证人本人查看谁查验过自己的证书：提交本人证书上的二维码文本（CG1），签名有效才回答；只列查验单位名称、时间、方式和结果");
        group.MapGet("/challenge", (QueryChallenges challenges, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(challenges.Issue(ChallengeIssueLimit.ClientKey(http)));
            })
            .RequireRateLimiting(ChallengeIssueLimit.Policy)
            .WithSummary("人机验证题目：找到 nonce，使 SHA-256(challenge + \":\" + nonce) 的前 difficulty 位为 0；按客户端限频，难度随同一客户端的索取次数和全平台负载升高");
        group.MapPost("/challenge", Solve)
            .WithSummary("提交人机验证答案，换取若干次额外查询（Cookie，或请求头 X-Query-Pass）");
        return api;
    }

    private static async Task<Results<Ok<PublicQueryAnswer>, ProblemHttpResult>> VerifyAsync(
        string? no, string? name, HttpContext http, PublicQueryService service, CancellationToken ct)
    {
        if (PublicQueryService.Refuse(no, name) is { } refused) return refused;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await service.QueryAsync(no!, name!, http, ct));
    }

    private static Results<Ok<PassResponse>, ProblemHttpResult> Solve(SolveRequest request, QueryChallenges challenges, HttpContext http, TimeProvider clock)
    {
        var result = challenges.Solve(request.Challenge, request.Nonce, out var pass);
        if (result != SolveResult.Solved || pass is null)
        {
            return result switch
            {
                SolveResult.WrongAnswer => Problems.BadRequest("PUBLIC-CHALLENGE-WRONG", "人机验证答案不正确，请重新验证。"),
                SolveResult.Spent => Problems.BadRequest("PUBLIC-CHALLENGE-SPENT", "该人机验证题目已使用过，请重新获取题目。"),
                _ => Problems.BadRequest("PUBLIC-CHALLENGE-INVALID", "人机验证题目无效或已过期，请重新获取题目。"),
            };
        }
        var options = challenges.Options;
        var expires = clock.GetUtcNow() + options.PassLifetime;
        http.Response.Cookies.Append(ClientLimitPolicy.PassCookie, pass, new CookieOptions
        {
            Path = PassPath, HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, MaxAge = options.PassLifetime, IsEssential = true,
        });
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new PassResponse(pass, options.PassQueries, expires));
    }
}
