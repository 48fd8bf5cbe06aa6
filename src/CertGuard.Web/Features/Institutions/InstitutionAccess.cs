using System.Security.Claims;
using CertGuard.Core.Accounts;
using CertGuard.Core.Organisations;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Institutions;

/// <summary>
/// Who works with training and exam institutions: an institution acts for itself (self-check, review checks); the
/// city office reads its city's institutions, the province office all of them and edits the questionnaire.
/// </summary>
public static class InstitutionAccess
{
    public const string SelfPolicy = "institution-self";
    public const string OfficePolicy = "institution-office";
    public const string ReaderPolicy = "institution-reader";
    public const string EditorPolicy = "institution-editor";

    public static bool IsInstitution(AccessScope scope) =>
        (scope.Role == Role.TrainingInstitution || scope.Role == Role.ExamCentre) && scope.OrganisationId is not null;

    public static bool IsInstitution(ClaimsPrincipal user) => IsInstitution(user.ToScope());

    public static bool IsOffice(ClaimsPrincipal user) => user.ToScope().IsSafetyOffice;

    public static bool IsEditor(ClaimsPrincipal user) => user.ToScope().Role == Role.ProvinceOffice;

    /// <summary>The institution the account acts for; only called behind <see cref="SelfPolicy"/>.</summary>
    public static Guid Own(ClaimsPrincipal user) =>
        user.ToScope().OrganisationId ?? throw new InvalidOperationException("An institution account without an organisation.");

    /// <summary>
    /// Whose self-checks the account reads: an institution only its own; a city office its city's; the province office
    /// every city's, or the one it asks for. Null <c>City</c> means the whole province.
    /// </summary>
    public static (string? City, Guid? Only) Reach(ClaimsPrincipal user, string? askedCity)
    {
        var scope = user.ToScope();
        if (IsInstitution(scope)) return (null, scope.OrganisationId);
        return (scope.CityCode ?? (string.IsNullOrWhiteSpace(askedCity) ? null : askedCity.Trim()), null);
    }

    /// <summary>May the account read this institution's self-checks (the same reach as <see cref="Reach"/>).</summary>
    public static bool MayRead(ClaimsPrincipal user, Organisation institution)
    {
        var scope = user.ToScope();
        if (IsInstitution(scope)) return scope.OrganisationId == institution.Id;
        return scope.IsSafetyOffice && (scope.CityCode is null || scope.CityCode == institution.RegionCode);
    }

    public static IServiceCollection AddInstitutionPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SelfPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsInstitution(c.User)))
            .AddPolicy(OfficePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsOffice(c.User)))
            .AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsInstitution(c.User) || IsOffice(c.User)))
            .AddPolicy(EditorPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsEditor(c.User)));
        return services;
    }
}
