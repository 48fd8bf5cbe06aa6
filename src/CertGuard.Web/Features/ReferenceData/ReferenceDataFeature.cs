using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.ReferenceData;

/// <summary>
/// Dated reference data (docs/reference-data.md): everyone signed in reads the versions, the rules in force and the
/// penalties; only the province office loads a new version (page /reference-data and the API).
/// </summary>
public static class ReferenceDataFeature
{
    public const string EditorPolicy = "reference-data-editor";

    public static bool IsEditor(System.Security.Claims.ClaimsPrincipal user) => user.ToScope().Role == Role.ProvinceOffice;

    public static IServiceCollection AddReferenceDataFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsEditor(c.User)));
        return services;
    }

    public static RouteGroupBuilder MapReferenceDataFeature(this RouteGroupBuilder api) => api.MapReferenceDataApi();
}
