using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Campaigns;

/// <summary>
/// Who does what in a campaign: every government account reads the campaign (phases, tasks, working group); the
/// safety offices (the province office, a city office) work it: plans, supervision, circulars, summaries; only the
/// province office sets campaigns up, decides plans and summaries, sends supervision groups and publishes circulars;
/// only a city office submits its city's plan and reports its tasks done. City scope is the data layer's filter.
/// </summary>
public static class CampaignAccess
{
    public const string ReadPolicy = "campaigns-read";
    public const string OfficePolicy = "campaigns-office";
    public const string ProvincePolicy = "campaigns-province";
    public const string CityPolicy = "campaigns-city";

    public static bool Reads(AccessScope scope) =>
        scope.Role.Reach != RoleReach.Organisation && scope.Role != Role.NationalExchange && scope.Role != Role.Public;

    public static bool IsProvince(AccessScope scope) => scope.Role == Role.ProvinceOffice;

    public static bool IsCity(AccessScope scope) => scope.Role == Role.CityOffice && scope.IsSafetyOffice;

    public static IServiceCollection AddCampaignPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Reads(c.User.ToScope())))
            .AddPolicy(OfficePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.ToScope().IsSafetyOffice))
            .AddPolicy(ProvincePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsProvince(c.User.ToScope())))
            .AddPolicy(CityPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsCity(c.User.ToScope())));
        return services;
    }
}
