using System.Security.Claims;
using System.Text.Encodings.Web;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Accounts;

/// <summary>
/// <c>Authorization: Bearer cgk_…</c> for machine clients. The key acts as its account, with that account's role
/// and scope; a revoked or expired key, or an account an administrator locked, is refused.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CertGuardDbContext db,
    UserManager<Account> users,
    IUserClaimsPrincipalFactory<Account> principals,
    IOptions<ApiKeyOptions> keyOptions,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ExpiredCode = "API-KEY-EXPIRED";
    private const string FailureCode = "cg:api-key-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        if (!ApiKey.TryParse(header["Bearer ".Length..].Trim(), out var prefix, out var secret))
            return AuthenticateResult.Fail("malformed key");
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || !key.Matches(secret)) return AuthenticateResult.Fail("unknown or revoked key");
        if (key.IsExpired(clock.GetUtcNow(), keyOptions.Value.Lifetime))
        {
            Context.Items[FailureCode] = ExpiredCode;
            return AuthenticateResult.Fail("expired key");
        }
        // Only an administrator's lockout (a set lockout end) stops a key: wrong passwords never lock an account.
        var account = await users.FindByIdAsync(key.AccountId);
        if (account is null || await users.IsLockedOutAsync(account)) return AuthenticateResult.Fail("account unavailable");
        var principal = await principals.CreateAsync(account);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountClaims.ApiKeyId, key.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        if (Context.Items[FailureCode] is ExpiredCode)
            await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API-KEY-EXPIRED", "API 密钥已过期，请在平台上创建新的密钥。");
        else
            await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API-KEY-INVALID", "API 密钥无效、已吊销或账号已停用。");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "FORBIDDEN", "您的账号无权访问该资源。");
}
