using CertGuard.Core;
using CertGuard.Core.Enforcement;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>
/// <c>/api/v1/leads</c>: the city's lead inbox. Every action takes the version the caller saw (in the body or as
/// <c>If-Match</c>); a stale one answers 409. Refusals are problems with their codes (LEAD-…).
/// </summary>
public static class LeadsApi
{
    public static IServiceCollection AddLeadDesk(this IServiceCollection services)
    {
        services.AddScoped<LeadDesk>();
        services.AddAuthorizationBuilder()
            .AddPolicy(LeadDesk.ReadPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => LeadAccess.MayRead(c.User.ToScope())))
            .AddPolicy(LeadDesk.PolicePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => LeadAccess.MayPassFromPolice(c.User.ToScope())));
        return services;
    }

    public static RouteGroupBuilder MapLeadsApi(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads").WithTags("执法线索 Leads").RequireAuthorization(LeadDesk.ReadPolicy);
        foreach (var status in new[] { 400, 401, 403, 404, 409, 422 }) leads.ProducesProblem(status);
        leads.MapGet("/", ListAsync)
            .WithSummary("本市的执法线索：未办结的在前、最早的在前（status: active 默认/Open/AwaitingApproval/Closed/all；source；city 省级可选；q 文字或证号；page）");
        leads.MapGet("/summary", async ([FromServices] LeadDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.SummaryAsync(ct)))
            .WithSummary("按城市统计线索：待处理、待审批、最早待处理时间及各类办结数（省安委办为全省各市）");
        leads.MapGet("/{id:guid}", GetAsync).WithSummary("一条线索、其来源及并入它的线索（ETag 为版本号）");
        leads.MapPost("/{id:guid}/referral", (Guid id, ReferRequest r, HttpRequest http, [FromServices] LeadDesk desk, CancellationToken ct) =>
                Ok(desk.ReferAsync(id, r.Department, r.Note, VersionOf(r.Version, http), ct)))
            .WithSummary("移交本市其他部门（department: police/market-regulation/cyberspace/industry-it，须填写说明）");
        leads.MapPost("/{id:guid}/merge", (Guid id, MergeRequest r, HttpRequest http, [FromServices] LeadDesk desk, CancellationToken ct) =>
                Ok(desk.MergeAsync(id, r.Into, VersionOf(r.Version, http), ct)))
            .WithSummary("并入本市另一条未办结的线索");
        leads.MapPost("/{id:guid}/no-action", (Guid id, NoActionRequest r, HttpRequest http, [FromServices] LeadDesk desk, CancellationToken ct) =>
                Ok(desk.ProposeNoActionAsync(id, r.Reason, VersionOf(r.Version, http), ct)))
            .WithSummary("提出不予处理意见（须填写理由），等待执法负责人审批");
        leads.MapPost("/{id:guid}/no-action/approval", (Guid id, VersionRequest? r, HttpRequest http, [FromServices] LeadDesk desk, CancellationToken ct) =>
                Ok(desk.ApproveNoActionAsync(id, VersionOf(r?.Version, http), ct)))
            .WithSummary("执法负责人批准不予处理，线索办结");
        leads.MapPost("/{id:guid}/no-action/rejection", (Guid id, VersionRequest? r, HttpRequest http, [FromServices] LeadDesk desk, CancellationToken ct) =>
                Ok(desk.RejectNoActionAsync(id, VersionOf(r?.Version, http), ct)))
            .WithSummary("执法负责人退回不予处理意见，线索回到待办");
        leads.MapPost("/", CreateAsync).RequireAuthorization(LeadDesk.PolicePolicy)
            .WithSummary("公安机关向本市应急管理部门移交线索（来源 police；sourceId 相同的只登记一次）");
        return api;
    }

    private static async Task<Ok<LeadPage>> ListAsync(
        [FromServices] LeadDesk desk, string? status, string? source, string? city, string? q, int? page, CancellationToken ct) =>
        TypedResults.Ok(await desk.ListAsync(Filter(status, source, q, city), page ?? 1, ct));

    private static async Task<Results<Ok<LeadDetail>, ProblemHttpResult>> GetAsync(Guid id, HttpResponse response, [FromServices] LeadDesk desk, CancellationToken ct)
    {
        var detail = await desk.FindAsync(id, ct) ?? throw Refusal.NotFound("LEAD-NOT-FOUND");
        response.Headers.ETag = $"\"{detail.Lead.Version}\"";
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Created<LeadView>, Ok<LeadView>>> CreateAsync(PoliceLeadInput input, [FromServices] LeadDesk desk, CancellationToken ct)
    {
        var (lead, raised) = await desk.PassFromPoliceAsync(input, ct);
        return raised ? TypedResults.Created($"/api/v1/leads/{lead.Id}", lead) : TypedResults.Ok(lead);
    }

    /// <summary>Reads the list's query: unknown values are refused rather than ignored.</summary>
    public static LeadFilter Filter(string? status, string? source, string? q, string? city = null)
    {
        if (!string.IsNullOrEmpty(city) && !Core.Regions.RegionDirectory.Guangdong.IsCity(city)) throw Refusal.Invalid("LEAD-FILTER", ("name", "city"));
        if (!string.IsNullOrEmpty(source) && !LeadSources.All.Contains(source)) throw Refusal.Invalid("LEAD-FILTER", ("name", "source"));
        if (q is { Length: > LeadDesk.TextMaxLength }) throw Refusal.Invalid("LEAD-FILTER", ("name", "q"));
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        return status switch
        {
            null or "" or "active" => new LeadFilter(null, true, source, text, city),
            "all" => new LeadFilter(null, false, source, text, city),
            _ when Enum.TryParse<LeadStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) => new LeadFilter(s, false, source, text, city),
            _ => throw Refusal.Invalid("LEAD-FILTER", ("name", "status")),
        };
    }

    /// <summary>The version the caller saw: the body's, else <c>If-Match</c> (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); none means unchecked.</summary>
    private static int? VersionOf(int? body, HttpRequest http)
    {
        if (body is not null) return body;
        var header = http.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        return int.TryParse(text.Trim('"'), out var version) ? version : throw Refusal.Invalid("LEAD-FILTER", ("name", "If-Match"));
    }

    private static async Task<Ok<LeadView>> Ok(Task<LeadView> action) => TypedResults.Ok(await action);
}

public sealed record ReferRequest(string? Department, string? Note, int? Version);

public sealed record MergeRequest(Guid Into, int? Version);

public sealed record NoActionRequest(string? Reason, int? Version);

public sealed record VersionRequest(int? Version);
