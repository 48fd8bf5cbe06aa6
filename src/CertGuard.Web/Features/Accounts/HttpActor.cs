using System.Security.Claims;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;

namespace CertGuard.Web.Features.Accounts;

/// <summary>
/// The actor of a web request: read from the signed-in account (or API key) each time, never cached, so a context
/// made before sign-in completes still acts as the account signed in when it is used. The one place in the features
/// that reads the HTTP context to know who acts.
/// </summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    /// <summary>An anonymous visitor of a public page or endpoint, in histories and the audit log.</summary>
    public const string AnonymousName = "public";

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    // Outside a request (start-up work that opened no actor scope) the platform itself acts, with no scope.
    public string Name => User is not { } user ? SystemActor.Platform.Name
        : user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : AnonymousName;

    public AccessScope? Scope => User?.ToScope();

    public bool IsApiKey => User?.HasClaim(c => c.Type == AccountClaims.ApiKey) == true;

    public string DisplayName => User is { } user && user.Identity?.IsAuthenticated == true ? user.DisplayNameOf() : Name;
}
