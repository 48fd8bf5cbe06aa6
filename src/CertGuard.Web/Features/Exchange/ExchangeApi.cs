using System.Globalization;
using CertGuard.Core.Accounts;
using CertGuard.Data;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Exchange;

/// <summary>
/// Exchange with the national query platform (docs/exchange.md): it pulls the province's change feed and pushes the
/// certificates other provinces issue. Only the national-exchange role may call it; every pull is audited, since it
/// carries full ID numbers.
/// </summary>
public static class ExchangeApi
{
    public const string ExchangePolicy = "exchange";

    public static IServiceCollection AddExchange(this IServiceCollection services)
    {
        services.AddScoped<ChangeFeed>();
        services.AddScoped<ExchangeReceiver>();
        services.AddAuthorizationBuilder().AddPolicy(ExchangePolicy, p => p.RequireAuthenticatedUser().RequireRole(Role.NationalExchange.Id));
        return services;
    }

    public static RouteGroupBuilder MapExchangeApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exchange").WithTags("全国平台交换 Exchange").RequireAuthorization(ExchangePolicy);
        group.MapGet("/changes", ChangesAsync)
            .WithSummary("变更流：按提交顺序返回本省证书的每一步变更及证书当前状态；since 为上一页的 next 游标，不带则从头开始");
        group.MapPost("/certificates", PushOneAsync)
            .WithSummary("接收外省证书（按证号+准操项目+版本幂等）：新证书 201，新版本 200 updated，同版本 200 unchanged，旧版本 409 EXCHANGE-STALE");
        group.MapPost("/certificates/batch", PushBatchAsync)
            .WithSummary($"批量接收外省证书（每批至多 {ExchangeReceiver.MaxBatch} 条），逐条报告结果");
        return api;
    }

    private static readonly HashSet<string> KnownParameters = new(["since", "limit"], StringComparer.OrdinalIgnoreCase);

    private static async Task<Results<Ok<ChangePage>, ProblemHttpResult>> ChangesAsync(
        string? since, int? limit, ChangeFeed feed, CertGuardDbContext db, HttpContext http, CancellationToken ct)
    {
        var after = 0L;
        // A misspelt or repeated parameter must not quietly start the feed again from the beginning.
        if (http.Request.Query.Keys.FirstOrDefault(k => !KnownParameters.Contains(k)) is { } unknown)
            return Problems.BadRequest("EXCHANGE-QUERY-UNKNOWN", $"不支持的参数“{unknown}”：只接受 since（上一页的 next 游标）和 limit。");
        if (http.Request.Query["since"].Count > 1 || (since is not null && !ChangeCursor.TryDecode(since, out after)))
            return Problems.BadRequest("EXCHANGE-CURSOR-INVALID", "游标无效：请使用上一页响应中的 next 值，或不带 since 从头拉取。");
        // A cursor past the feed's end was not handed out by this registry (or the registry was restored): say so.
        if (after > 0 && after > await db.LastChangeSequenceAsync(ct))
            return Problems.BadRequest("EXCHANGE-CURSOR-INVALID", "游标无效：请使用上一页响应中的 next 值，或不带 since 从头拉取。");
        var size = limit ?? ChangeFeed.DefaultLimit;
        if (size is < 1 or > ChangeFeed.MaxLimit)
            return Problems.BadRequest("EXCHANGE-LIMIT", $"limit 应为 1 至 {ChangeFeed.MaxLimit} 之间的整数。");

        var page = await feed.ReadAsync(after, size, ct);
        // One entry per page: who pulled, from where, how many full records left the platform.
        var through = page.Items.Count > 0 ? page.Items[^1].Sequence : after;
        db.AddAuditEntry("exchange-pull", "CertificateEvent", since ?? ChangeCursor.Start,
            string.Create(CultureInfo.InvariantCulture, $"{{\"after\":{after},\"through\":{through},\"count\":{page.Items.Count},\"limit\":{size}}}"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Created<PushResult>, Ok<PushResult>, ProblemHttpResult>> PushOneAsync(
        PushedCertificate certificate, ExchangeReceiver receiver, CancellationToken ct)
    {
        var outcome = await ApplyAsync(receiver, [certificate], ct);
        if (outcome.Problem is { } problem) return problem;
        var result = outcome.Results[0];
        return result.Outcome switch
        {
            "created" => TypedResults.Created((string?)null, result),
            "refused" => Problems.Create(result.Status, result.Code!, result.Message!),
            _ => TypedResults.Ok(result),
        };
    }

    private static async Task<Results<Ok<BatchPushResponse>, ProblemHttpResult>> PushBatchAsync(
        List<PushedCertificate?> certificates, ExchangeReceiver receiver, CancellationToken ct)
    {
        if (certificates.Count is 0 or > ExchangeReceiver.MaxBatch)
            return Problems.BadRequest("EXCHANGE-BATCH-SIZE", $"每批应包含 1 至 {ExchangeReceiver.MaxBatch} 条证书。");
        var outcome = await ApplyAsync(receiver, certificates, ct);
        if (outcome.Problem is { } problem) return problem;
        var results = outcome.Results;
        return TypedResults.Ok(new BatchPushResponse(
            results.Count(r => r.Outcome == "created"), results.Count(r => r.Outcome == "updated"),
            results.Count(r => r.Outcome == "unchanged"), results.Count(r => r.Outcome == "refused"), results));
    }

    private static async Task<(IReadOnlyList<PushResult> Results, ProblemHttpResult? Problem)> ApplyAsync(
        ExchangeReceiver receiver, IReadOnlyList<PushedCertificate?> certificates, CancellationToken ct)
    {
        try
        {
            return (await receiver.ApplyAsync(certificates, ct), null);
        }
        catch (DbUpdateException)
        {
            // Another push of the same certificate committed first (unique key or version token): nothing was written.
            return ([], Problems.Create(StatusCodes.Status409Conflict, "EXCHANGE-RETRY", "同一证书正被并发推送，本次推送未写入；推送是幂等的，请重试。"));
        }
    }
}
