using System.Security.Claims;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// The lawful certification rate (依法持证率): an employer's own, over time and per position; the city office's list of
/// its employers (below 100 % first); the province office's table of cities. Another city's employer is a 404.
/// </summary>
public static class ComplianceApi
{
    public sealed record CurrentCompliance(DateTimeOffset CheckedAt, RosterSummary Summary, IReadOnlyList<PositionRateResponse> Positions);

    public sealed record EmployerCompliance(
        Guid Id, string Name, string? CreditCode, string RegionCode, string RegionName, string? Industry, string Approval,
        CurrentCompliance? Current, IReadOnlyList<RosterCheckListItem> History, int OpenItems, int OverdueItems);

    public static RouteGroupBuilder MapComplianceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/compliance").WithTags("依法持证率 Compliance");
        group.MapGet("/employer", OwnAsync).RequireAuthorization(EmployerAccess.SelfPolicy)
            .WithSummary("本单位的依法持证率：当前（分岗位）与历次核验");
        group.MapGet("/employers", EmployersAsync).RequireAuthorization(EmployerAccess.OfficePolicy)
            .WithSummary("市安委办：本市各用人单位的依法持证率（sort=rate 未达100%的在前，-rate、name、workers）；省安委办可用 city 选市");
        group.MapGet("/employers/{id:guid}", EmployerAsync).RequireAuthorization(EmployerAccess.OfficePolicy)
            .WithSummary("某用人单位的依法持证率（仅限本市）");
        group.MapGet("/cities", CitiesAsync).RequireAuthorization(EmployerAccess.OfficePolicy)
            .WithSummary("省安委办：各地级以上市的依法持证率");
        return api;
    }

    private static async Task<Results<Ok<EmployerCompliance>, ProblemHttpResult>> OwnAsync(ClaimsPrincipal user, CertGuardDbContext db, ComplianceQuery query, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == EmployerAccess.OwnEmployer(user), ct);
        return TypedResults.Ok(await DescribeAsync(organisation, query, ct));
    }

    private static async Task<Results<Ok<List<EmployerRate>>, ProblemHttpResult>> EmployersAsync(
        string? city, string? sort, ClaimsPrincipal user, ComplianceQuery query, CancellationToken ct)
    {
        if (sort is not null && !ComplianceQuery.Sorts.Contains(sort))
            return Problems.BadRequest("COMPLIANCE-SORT", "sort 应为 rate、-rate、name 或 workers。");
        if (!string.IsNullOrEmpty(city) && !RegionDirectory.Guangdong.IsCity(city))
            return Problems.BadRequest("COMPLIANCE-CITY", "city 应为广东省地级以上市的行政区划代码。");
        var scope = user.ToScope();
        if (scope.CityCode is { } own && !string.IsNullOrEmpty(city) && city != own)
            return Problems.Forbidden("COMPLIANCE-CITY-SCOPE", "市安委办只能查看本市的用人单位。");
        return TypedResults.Ok(await query.EmployersAsync(city, sort, ct));
    }

    private static async Task<Results<Ok<EmployerCompliance>, ProblemHttpResult>> EmployerAsync(
        Guid id, ClaimsPrincipal user, CertGuardDbContext db, ComplianceQuery query, CancellationToken ct)
    {
        var organisation = await EmployerAccess.FindAsync(db, user.ToScope(), id, ct);
        return organisation is null
            ? Problems.NotFound("EMPLOYER-NOT-FOUND", "未找到该用人单位，或它不在您的管辖范围内。")
            : TypedResults.Ok(await DescribeAsync(organisation, query, ct));
    }

    private static async Task<Results<Ok<List<CityRate>>, ProblemHttpResult>> CitiesAsync(ClaimsPrincipal user, ComplianceQuery query, CancellationToken ct) =>
        user.ToScope().Role != Role.ProvinceOffice
            ? Problems.Forbidden("COMPLIANCE-PROVINCE-ONLY", "各市依法持证率仅供省安委办查看。")
            : TypedResults.Ok(await query.CitiesAsync(ct));

    public static async Task<EmployerCompliance> DescribeAsync(Organisation o, ComplianceQuery query, CancellationToken ct)
    {
        var history = await query.HistoryAsync(o.Id, ct);
        var current = history.FirstOrDefault(c => c.IsCurrent); // newest first: the newest current one
        var (open, overdue) = (await query.ItemCountsAsync([o.Id], ct)).GetValueOrDefault(o.Id);
        return new EmployerCompliance(o.Id, o.Name, o.CreditCode, o.RegionCode, RegionDirectory.Guangdong.NameOf(o.RegionCode), o.Industry,
            o.Approval.ToString(), current is null ? null
                : new CurrentCompliance(current.At, RosterSummary.From(current), current.Positions.Select(PositionRateResponse.From).ToList()),
            history.Select(RosterCheckListItem.From).ToList(), open, overdue);
    }
}
