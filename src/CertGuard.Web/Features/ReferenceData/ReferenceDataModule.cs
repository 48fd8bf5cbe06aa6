using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.ReferenceData;

/// <summary>
/// Dated reference data (docs/reference-data.md): everyone signed in reads the versions, the rules in force and the
/// penalties; only the province office loads a new version (page /reference-data and the API).
/// </summary>
public sealed class ReferenceDataModule : IFeatureModule
{
    public const string EditorPolicy = "reference-data-editor";

    public static bool IsEditor(System.Security.Claims.ClaimsPrincipal user) => user.ToScope().Role == Role.ProvinceOffice;

    public static void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsEditor(c.User)));

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapReferenceDataApi();

    public static IEnumerable<NavEntry> Navigation => [new("/reference-data", EditorPolicy, "ReferenceData.Nav", 125, "reference-data")];
}
