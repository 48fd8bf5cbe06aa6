using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CertGuard.Web.Infrastructure.Modules;

/// <summary>A navigation entry as the layout shows it: whether it is the page being shown.</summary>
public sealed record NavLink(NavEntry Entry, bool Current);

/// <summary>
/// The main navigation for one visitor: the features' entries their policy admits (asked of the authorization
/// service, the same policies that guard the pages), with the entry of the current page marked.
/// </summary>
public sealed class NavigationMenu(FeatureCatalog catalog, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<NavLink>> ForAsync(ClaimsPrincipal user, PathString path)
    {
        var visible = new List<NavEntry>();
        foreach (var entry in catalog.Navigation)
        {
            if (entry.Policy is null || (await authorization.AuthorizeAsync(user, entry.Policy)).Succeeded) visible.Add(entry);
        }
        // The deepest entry the path is under: /registry/issue is 办理, not 登记; /roster/positions is 名册.
        var current = visible.Where(e => Under(path, e.Path)).MaxBy(e => e.Path.Length);
        return visible.Select(e => new NavLink(e, e == current)).ToList();
    }

    private static bool Under(PathString path, string entry) =>
        entry == "/" ? path == "/" : path.StartsWithSegments(entry, StringComparison.OrdinalIgnoreCase);
}
