using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Inspections;

/// <summary>
/// Who works inspections: the city's inspectors and its enforcement lead plan, record and re-inspect; the city office
/// reads its city's; the province office reads every city's (read-only); an inspected organisation sees only the
/// orders to correct addressed to it. Region and organisation are the data layer's filters.
/// </summary>
public static class InspectionAccess
{
    public const string WorkPolicy = "inspections-work";
    public const string ReadPolicy = "inspections-read";
    public const string OrdersPolicy = "inspections-orders";
    public const string AnyPolicy = "inspections-any";

    public static bool Works(AccessScope scope) => (scope.Role == Role.Inspector || scope.Role == Role.EnforcementLead) && scope.CityCode is not null;

    public static bool Reads(AccessScope scope) => Works(scope) || scope.IsSafetyOffice;

    /// <summary>An organisation account (employer, training or exam institution) with its organisation.</summary>
    public static bool IsAddressee(AccessScope scope) =>
        (scope.Role == Role.Employer || scope.Role == Role.TrainingInstitution || scope.Role == Role.ExamCentre) && scope.OrganisationId is not null;

    public static IServiceCollection AddInspectionPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(WorkPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Works(c.User.ToScope())))
            .AddPolicy(ReadPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Reads(c.User.ToScope())))
            .AddPolicy(OrdersPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsAddressee(c.User.ToScope())))
            .AddPolicy(AnyPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Reads(c.User.ToScope()) || IsAddressee(c.User.ToScope())));
        return services;
    }
}
