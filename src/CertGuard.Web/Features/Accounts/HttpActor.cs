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
    // Outside a request (start-up work that opened no actor scope) the platform itself acts, with no scope.
    private IActor Current => accessor.HttpContext is { } context ? new PrincipalActor(context.User) : SystemActor.Platform;

    public string Name => Current.Name;

    public AccessScope? Scope => Current.Scope;

    public bool IsApiKey => Current.IsApiKey;

    public string DisplayName => Current.DisplayName;
}

/// <summary>The account (or anonymous visitor) a claims principal stands for; authorization policies read it too.</summary>
internal sealed class PrincipalActor(ClaimsPrincipal user) : IActor
{
    /// <summary>An anonymous visitor of a public page or endpoint, in histories and the audit log.</summary>
    public const string AnonymousName = "public";

    public string Name => user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : AnonymousName;

    public AccessScope Scope => user.ToScope();

    AccessScope? IActor.Scope => Scope;

    public bool IsApiKey => user.HasClaim(c => c.Type == AccountClaims.ApiKeyId);

    public string DisplayName => user.Identity?.IsAuthenticated == true ? user.DisplayNameOf() : Name;
}
