using System.Security.Claims;
using CertGuard.Core.Accounts;
using CertGuard.Core.Regions;
using CertGuard.Data.Accounts;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Registry.Lifecycle;

/// <summary>
/// An issuing authority's officer (DESIGN §2: only 发证机关 issue, review, renew, revoke, cancel and reissue; the other
/// roles read). Acts for one authority, in one city.
/// </summary>
public sealed record LifecycleOfficer(string Name, string CityCode, Guid AuthorityId)
{
    public const string Policy = "certificate-lifecycle";

    // CertificateEvent.Actor holds 128 characters.
    private const int MaxNameLength = 128;

    /// <summary>The officer the acting user is, or null when the account may only read.</summary>
    public static LifecycleOfficer? Of(IActor actor)
    {
        if (actor.Scope is not { } scope || scope.Role != Role.IssuingAuthority || scope.OrganisationId is not { } authority
            || !RegionDirectory.Guangdong.IsCity(scope.RegionCode))
            return null;
        var userName = actor.Name;
        var display = actor.DisplayName;
        // Who, for the history: the officer's name as people read it, and the account it was done with.
        var name = display.Length > 0 && display != userName ? $"{display}（{userName}）" : userName;
        return new LifecycleOfficer(name.Length > MaxNameLength ? name[..MaxNameLength] : name, scope.RegionCode, authority);
    }

    public static LifecycleOfficer? Of(ClaimsPrincipal user) => Of(user.AsActor());

    public static bool MayAct(ClaimsPrincipal user) => Of(user) is not null;

    public static LifecycleOfficer Require(ClaimsPrincipal user) => Require(user.AsActor());

    public static LifecycleOfficer Require(IActor actor) =>
        Of(actor) ?? throw new InvalidOperationException("The lifecycle policy admits issuing-authority officers only.");
}
