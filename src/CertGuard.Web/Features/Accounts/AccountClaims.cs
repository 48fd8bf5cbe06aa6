using System.Security.Claims;
using CertGuard.Core.Accounts;

namespace CertGuard.Web.Features.Accounts;

/// <summary>The claims that carry an account's scope, and the scope read back from them.</summary>
public static class AccountClaims
{
    public const string Region = "cg:region";
    public const string Organisation = "cg:org";
    public const string DisplayName = "cg:name";

    /// <summary>Present when the request is authenticated by an API key (its id), absent for a signed-in person.</summary>
    public const string ApiKeyId = "cg:api-key";

    public static AccessScope ToScope(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return AccessScope.Anonymous;
        var role = Role.All.FirstOrDefault(r => user.IsInRole(r.Id));
        if (role is null) return AccessScope.Anonymous;
        var region = user.FindFirstValue(Region) ?? "";
        Guid? organisation = Guid.TryParse(user.FindFirstValue(Organisation), out var id) ? id : null;
        return new AccessScope(role, region, organisation);
    }

    /// <summary>The principal as an acting user, for authorization policies (feature services inject <see cref="Data.Accounts.IActor"/>).</summary>
    public static Data.Accounts.IActor AsActor(this ClaimsPrincipal user) => new PrincipalActor(user);

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
