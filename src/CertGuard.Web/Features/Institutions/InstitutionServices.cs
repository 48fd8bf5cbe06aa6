using CertGuard.Data.Institutions;

namespace CertGuard.Web.Features.Institutions;

/// <summary>Training and exam institutions (培训机构、考试机构): their self-check against the basic conditions, and the check at review.</summary>
public static class InstitutionServices
{
    public static IServiceCollection AddInstitutions(this IServiceCollection services)
    {
        services.AddInstitutionPolicies();
        services.AddScoped<SelfCheckBook>();
        services.AddScoped<ReviewChecker>();
        return services;
    }

    public static RouteGroupBuilder MapInstitutionApis(this RouteGroupBuilder api) => api.MapReviewCheckApi().MapSelfCheckApi();
}
