using System.Security.Claims;
using CertGuard.Core;
using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// <c>/api/v1/employers</c> for the city office: the registrations waiting for it, approve or reject them, or register
/// an employer directly. Self-registration is the public page <c>/employers/register</c>.
/// </summary>
public static class EmployersApi
{
    public sealed record RegisterRequest(
        string? Name, string? CreditCode, string? City, string? Industry, string? ContactName, string? ContactPhone, string? UserName, string? Password);

    public sealed record RejectRequest(string? Reason);

    public sealed record EmployerResponse(
        Guid Id, string Name, string? CreditCode, string RegionCode, string? Industry, string? ContactName, string? ContactPhone,
        string Approval, string? ApprovalNote, DateTimeOffset? RegisteredAt)
    {
        public static EmployerResponse From(Organisation o) => new(
            o.Id, o.Name, o.CreditCode, o.RegionCode, o.Industry, o.ContactName, o.ContactPhone, o.Approval.ToString().ToLowerInvariant(), o.ApprovalNote, o.RegisteredAt);
    }

    public static RouteGroupBuilder MapEmployersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/employers").WithTags("用人单位 Employers").RequireAuthorization(EmployerAccess.OfficePolicy);
        group.MapGet("/pending", PendingAsync).WithSummary("待审核的用人单位注册（本市）");
        group.MapPost("/", RegisterAsync).WithSummary("市安委办直接登记本市用人单位（即时生效）");
        group.MapPost("/{id:guid}/approve", ApproveAsync).WithSummary("审核通过用人单位注册，解锁其账号");
        group.MapPost("/{id:guid}/reject", RejectAsync).WithSummary("退回用人单位注册（须写理由）");
        return api;
    }

    private static async Task<Ok<List<EmployerResponse>>> PendingAsync(ClaimsPrincipal user, CertGuardDbContext db, CancellationToken ct)
    {
        var pending = await EmployerAccess.Overseen(db, user.ToScope()).AsNoTracking().Where(o => o.Approval == OrganisationApproval.Pending)
            .OrderBy(o => o.RegisteredAt).ToListAsync(ct);
        return TypedResults.Ok(pending.Select(EmployerResponse.From).ToList());
    }

    private static async Task<Results<Created<EmployerResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, ClaimsPrincipal user, EmployerRegistrar registrar, CancellationToken ct)
    {
        var details = new EmployerDetails(request.Name ?? "", request.CreditCode ?? "", request.City ?? user.ToScope().CityCode ?? "",
            request.Industry ?? "", request.ContactName ?? "", request.ContactPhone ?? "");
        var organisation = await registrar.RegisterAsync(new EmployerRegistration(details, request.UserName ?? "", request.Password ?? ""), ct);
        return TypedResults.Created($"/api/v1/compliance/employers/{organisation.Id}", EmployerResponse.From(organisation));
    }

    private static async Task<Results<Ok<EmployerResponse>, ProblemHttpResult>> ApproveAsync(Guid id, ClaimsPrincipal user, EmployerRegistrar registrar, CancellationToken ct)
    {
        if (user.ToScope().CityCode is null) return ProvinceReadsOnly();
        var organisation = await registrar.ApproveAsync(id, ct);
        return organisation is null ? NotPending() : TypedResults.Ok(EmployerResponse.From(organisation));
    }

    private static async Task<Results<Ok<EmployerResponse>, ProblemHttpResult>> RejectAsync(
        Guid id, RejectRequest request, ClaimsPrincipal user, EmployerRegistrar registrar, CancellationToken ct)
    {
        if (user.ToScope().CityCode is null) return ProvinceReadsOnly();
        var organisation = await registrar.RejectAsync(id, request.Reason ?? "", ct);
        return organisation is null ? NotPending() : TypedResults.Ok(EmployerResponse.From(organisation));
    }

    private static ProblemHttpResult NotPending() => Problems.NotFound("EMPLOYER-NOT-PENDING", "未找到待审核的该单位注册，或它不在您的管辖范围内。");

    private static ProblemHttpResult ProvinceReadsOnly() => Problems.Forbidden("EMPLOYER-CITY-OFFICE-ONLY", "用人单位注册由所在市的市安委办审核。");
}
