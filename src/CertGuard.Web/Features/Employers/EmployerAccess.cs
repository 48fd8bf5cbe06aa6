using System.Security.Claims;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;
using CertGuard.Data;
using CertGuard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// Who works with employers' self-inspection, and on which employers. An employer acts on its own organisation; a
/// city office oversees the employers of its city; the province office reads every city. Every query of another
/// organisation's data goes through <see cref="Overseen"/>, so scope is decided here on the server, once.
/// </summary>
public static class EmployerAccess
{
    /// <summary>An employer account acting for its own organisation.</summary>
    public const string SelfPolicy = "employer-self";

    /// <summary>The city office (its city) and the province office (every city).</summary>
    public const string OfficePolicy = "employer-office";

    /// <summary>Either of the above.</summary>
    public const string AnyPolicy = "employer-any";

    public static bool IsEmployer(AccessScope scope) => scope.Role == Role.Employer && scope.OrganisationId is not null;

    public static bool IsOffice(AccessScope scope) => scope.IsSafetyOffice;

    public static Guid? OwnEmployer(ClaimsPrincipal user)
    {
        var scope = user.ToScope();
        return IsEmployer(scope) ? scope.OrganisationId : null;
    }

    public static IServiceCollection AddEmployerPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SelfPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsEmployer(c.User.ToScope())))
            .AddPolicy(OfficePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsOffice(c.User.ToScope())))
            .AddPolicy(AnyPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsEmployer(c.User.ToScope()) || IsOffice(c.User.ToScope())));
        return services;
    }

    /// <summary>
    /// The employers an account oversees: a city office those of its city, the province office all (or one city's
    /// when <paramref name="city"/> is given), an employer only itself.
    /// </summary>
    public static IQueryable<Organisation> Overseen(CertGuardDbContext db, AccessScope scope, string? city = null)
    {
        var employers = db.Organisations.Where(o => o.Kind == Role.Employer.Id);
        if (IsEmployer(scope)) return employers.Where(o => o.Id == scope.OrganisationId);
        if (!IsOffice(scope)) return employers.Where(_ => false);
        if (scope.CityCode is { } own) return employers.Where(o => o.RegionCode == own);
        return string.IsNullOrEmpty(city) ? employers : employers.Where(o => o.RegionCode == city);
    }

    /// <summary>One employer, when the account oversees it; null otherwise (the caller answers 404, revealing nothing).</summary>
    public static Task<Organisation?> FindAsync(CertGuardDbContext db, AccessScope scope, Guid id, CancellationToken ct) =>
        Overseen(db, scope).SingleOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>Approved employers only: pending and rejected registrations are not employers yet.</summary>
    public static IQueryable<Organisation> Approved(this IQueryable<Organisation> employers) =>
        employers.Where(o => o.Approval == OrganisationApproval.Approved);
}
