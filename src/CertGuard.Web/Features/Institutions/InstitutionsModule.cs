using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Institutions;

/// <summary>Training and exam institutions: the self-check questionnaire, results for the offices, the check at review.</summary>
public sealed class InstitutionsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddInstitutions();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapInstitutionApis();

    public static IEnumerable<NavEntry> Navigation =>
    [
        new("/institutions", InstitutionAccess.OfficePolicy, "Institutions.Nav", 80, "institutions"),
        new("/institutions/review-check", InstitutionAccess.SelfPolicy, "Institutions.Review.Nav", 110, "review-check"),
        new("/institutions/self-check", InstitutionAccess.SelfPolicy, "Institutions.SelfCheck.Nav", 120, "self-check"),
    ];
}
