using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Tips;

/// <summary>Who works tips. Employers, institutions and the public (the parties tips report on) never reach the desk.</summary>
public static class TipsAccess
{
    /// <summary>The queue: the safety offices, enforcement, and the police, market regulators and cyberspace offices for tips routed to them.</summary>
    public const string OfficePolicy = "tips-office";

    /// <summary>The public form's menu entry: for visitors; officials record tips from the office queue.</summary>
    public const string PublicMenuPolicy = "tips-public-menu";

    /// <summary>Recording a call as a tip: the 12350 line (city and province offices) and the police (110).</summary>
    public const string CallPolicy = "tips-call";

    /// <summary>The reward committee's step and the payment: the enforcement lead and the city office (checked again in the desk).</summary>
    public const string RewardPolicy = "tips-reward";

    private static readonly Role[] Office = [Role.ProvinceOffice, Role.CityOffice, Role.Inspector, Role.EnforcementLead, Role.Police, Role.MarketRegulation, Role.Cyberspace];

    public static IServiceCollection AddTipPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PublicMenuPolicy, p => p.RequireAssertion(c => c.User.Identity?.IsAuthenticated != true))
            .AddPolicy(OfficePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Office.Contains(c.User.ToScope().Role)))
            .AddPolicy(CallPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                c.User.ToScope().Role is var r && (r == Role.CityOffice || r == Role.ProvinceOffice || r == Role.Police)))
            .AddPolicy(RewardPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                c.User.ToScope().Role is var r && (r == Role.CityOffice || r == Role.EnforcementLead || r == Role.ProvinceOffice)));
        return services;
    }
}
