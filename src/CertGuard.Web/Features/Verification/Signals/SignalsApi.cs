using CertGuard.Core;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Verification.Signals;

/// <summary>
/// <c>/api/v1/signals</c>: the review queue of the city and province offices (the leads raised from it are in
/// <c>/api/v1/leads</c>, Features/Enforcement/Leads).
/// </summary>
public static class SignalsApi
{
    public static IServiceCollection AddSignalDesk(this IServiceCollection services)
    {
        services.AddScoped<SignalDesk>();
        services.AddAuthorizationBuilder().AddPolicy(SignalDesk.Policy, p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(c => SignalDesk.MayRead(c.User.ToScope())));
        return services;
    }

    public static RouteGroupBuilder MapSignalsApi(this RouteGroupBuilder api)
    {
        var signals = api.MapGroup("/signals").WithTags("异常线索 Signals").RequireAuthorization(SignalDesk.Policy);
        foreach (var status in new[] { 400, 401, 403, 404, 409 }) signals.ProducesProblem(status);
        signals.MapGet("/", ListAsync).WithSummary("本地区的异常线索（state: Open/Dismissed/Lead；kind），最近的在前");
        signals.MapGet("/{id:guid}", GetAsync).WithSummary("一条线索及其说明");
        signals.MapPost("/{id:guid}/dismissal", (Guid id, DismissRequest r, [FromServices] SignalDesk desk, CancellationToken ct) =>
            Act(() => desk.DismissAsync(id, r.Reason, ct))).WithSummary("驳回（须填写理由）");
        signals.MapPost("/{id:guid}/lead", (Guid id, LeadRequest r, [FromServices] SignalDesk desk, CancellationToken ct) =>
            Act(async () => (await desk.TurnIntoLeadAsync(id, r.Note, ct)).Signal)).WithSummary("转为执法检查线索");
        return api;
    }

    private static async Task<Results<Ok<SignalPage>, ProblemHttpResult>> ListAsync(
        [FromServices] SignalDesk desk, string? state, string? kind, int? page, CancellationToken ct)
    {
        if (!TryParse<SignalState>(state, out var s)) return Problems.BadRequest("SIGNAL-STATE", "state 只能是 Open、Dismissed 或 Lead。");
        if (!TryParse<SignalKind>(kind, out var k)) return Problems.BadRequest("SIGNAL-KIND", "kind 不是已知的线索类型。");
        return TypedResults.Ok(await desk.ListAsync(s, k, page ?? 1, ct));
    }

    private static async Task<Results<Ok<SignalView>, ProblemHttpResult>> GetAsync(Guid id, [FromServices] SignalDesk desk, CancellationToken ct) =>
        await desk.FindAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(SignalDesk.NotFound, "没有找到该线索，或不在您的管辖范围内。");

    private static async Task<Results<Ok<SignalView>, ProblemHttpResult>> Act(Func<Task<SignalView>> action)
    {
        return TypedResults.Ok(await action());
    }

    private static bool TryParse<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Enum.TryParse<T>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        value = parsed;
        return true;
    }
}

public sealed record DismissRequest(string? Reason);

public sealed record LeadRequest(string? Note);
