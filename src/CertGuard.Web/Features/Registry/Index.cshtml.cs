using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Database;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Registry;

// The search list may lag (the replica); the certificate page an officer lands on after a change reads the primary.
public sealed class IndexModel([FromKeyedServices(ReadOnlyDb.Key)] CertGuardDbContext db, TimeProvider clock, CertificateRules rules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public CertificateState? Status { get; set; }

    /// <summary>The keyset cursors of the pager (<see cref="RegistryCursor"/>): the page after, or before, a certificate.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public RegistryPage Result { get; private set; } = new([], 20, 0, false, null, null);

    public AccessScope Scope { get; private set; } = AccessScope.Anonymous;

    public TimeProvider Clock => clock;

    public CertificateRules Rules => rules;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = User.ToScope();
        Result = await new RegistryQuery(Q, City, Category, Status, After, Before).RunAsync(db, ChinaTime.Today(clock), rules, ct);
    }

    /// <summary>The link to the page after (or before) a cursor of the same search.</summary>
    public string PageLink(string? after = null, string? before = null) =>
        Url.Page("/Registry/Index", new { q = Q, city = City, category = Category, status = Status, after, before }) ?? "";
}
