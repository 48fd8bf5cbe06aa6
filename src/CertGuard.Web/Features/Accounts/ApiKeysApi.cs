using System.Security.Claims;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Accounts;

/// <summary>
/// API keys of the caller's organisation: list, create (the key text is returned once), revoke. A key acts as the
/// account that created it, with that account's role and scope, until it expires (<see cref="ApiKeyOptions.Lifetime"/>).
/// Only a signed-in person creates keys (a leaked key cannot mint others); a key revokes only itself, unless its account
/// is the province office's, which administers keys; a signed-in person revokes any key of the organisation.
/// </summary>
public static class ApiKeysApi
{
    public sealed record CreateApiKey(string? Name);

    public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset ExpiresAt);

    public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);

    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API 密钥 API keys").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("本单位的 API 密钥");
        group.MapPost("/", CreateAsync).WithSummary("为本单位创建 API 密钥；密钥明文只返回这一次");
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("吊销本单位的 API 密钥");
        return api;
    }

    private static async Task<Results<Ok<List<ApiKeyResponse>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, CertGuardDbContext db, IOptions<ApiKeyOptions> options, CancellationToken ct)
    {
        if (OrganisationOf(user) is not { } organisation) return NoOrganisation();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == organisation).OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(k => Response(k, options.Value)).ToList());
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> CreateAsync(
        CreateApiKey request, ClaimsPrincipal user, CertGuardDbContext db, TimeProvider clock, IOptions<ApiKeyOptions> options, CancellationToken ct)
    {
        if (user.FindFirst(AccountClaims.ApiKeyId) is not null)
            throw Refusal.Forbidden("API-KEY-INTERACTIVE-ONLY");
        if (OrganisationOf(user) is not { } organisation) return NoOrganisation();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 64)
            return Problems.BadRequest("API-KEY-NAME", "请填写密钥名称（不超过64个字符）。");
        var accountId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var (key, text) = ApiKey.Create(name, organisation, accountId, clock.GetUtcNow(), options.Value.Lifetime);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKeyResponse(Response(key, options.Value), text));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ClaimsPrincipal user, CertGuardDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (OrganisationOf(user) is not { } organisation) return NoOrganisation();
        // A key may end itself (a client that knows it leaked); ending the organisation's other keys needs a person, or
        // the province office, which administers keys.
        if (user.FindFirstValue(AccountClaims.ApiKeyId) is { } callerKey && callerKey != id.ToString() && !user.IsInRole(Role.ProvinceOffice.Id))
            throw Refusal.Forbidden("API-KEY-REVOKE-OWN-ONLY");
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.OrganisationId == organisation, ct);
        if (key is null) return Problems.NotFound("API-KEY-NOT-FOUND", "未找到该密钥，或它不属于本单位。");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ApiKeyResponse Response(ApiKey k, ApiKeyOptions options) =>
        new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt, k.ExpiryGiven(options.Lifetime));

    private static Guid? OrganisationOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AccountClaims.Organisation), out var id) ? id : null;

    private static ProblemHttpResult NoOrganisation() => Problems.Forbidden("NO-ORGANISATION", "您的账号不属于任何单位，不能管理 API 密钥。");
}
