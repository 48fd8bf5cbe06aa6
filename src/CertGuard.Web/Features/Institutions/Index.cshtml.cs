using CertGuard.Core.Accounts;
using CertGuard.Core.Regions;
using CertGuard.Data.Institutions;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Institutions;

/// <summary>/institutions: the city office's view of its institutions' self-checks (the province's: every city, or one).</summary>
[Authorize(Policy = InstitutionAccess.OfficePolicy)]
public sealed class IndexModel(SelfCheckBook book) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public InstitutionResultsView Results { get; private set; } = new(null, 0, 0, 0, 0, []);

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public static IEnumerable<Region> Cities => RegionDirectory.Guangdong.Cities;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        if (City is not null && !RegionDirectory.Guangdong.IsCity(City)) City = null;
        Results = await SelfCheckApi.LoadResultsAsync(book, User, City, ct);
    }
}
