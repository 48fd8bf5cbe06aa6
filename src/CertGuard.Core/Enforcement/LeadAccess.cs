using CertGuard.Core.Accounts;

namespace CertGuard.Core.Enforcement;

/// <summary>
/// Who may do what with a city's leads, decided once here (the policies, the query filter and the desk ask this):
/// inspectors and the enforcement lead work their city's leads; the city office reads its city's and the province
/// office every city's; the police, market regulation and cyberspace of a city read the leads referred to them (and
/// the police the leads they passed on). Only the enforcement lead decides "no action"; the police pass leads in.
/// </summary>
public static class LeadAccess
{
    /// <summary>Inspectors and the enforcement lead of a city: they dispose of its leads.</summary>
    public static bool MayWork(AccessScope scope) => scope.Role == Role.Inspector || scope.Role == Role.EnforcementLead;

    /// <summary>The enforcement lead approves or rejects an inspector's proposal of "no action".</summary>
    public static bool MayDecideNoAction(AccessScope scope) => scope.Role == Role.EnforcementLead;

    /// <summary>The police pass a lead to the city's safety bureau (公安移交线索).</summary>
    public static bool MayPassFromPolice(AccessScope scope) => scope.Role == Role.Police;

    /// <summary>Everyone who reads some leads: the inbox is theirs to open.</summary>
    public static bool MayRead(AccessScope scope) =>
        MayWork(scope) || scope.Role == Role.CityOffice || scope.Role == Role.ProvinceOffice || DepartmentOf(scope) is not null;

    /// <summary>
    /// The department an account reads leads for, when it reads only those referred to it (police, market regulation,
    /// cyberspace); null for everyone else, whom the city scope alone limits.
    /// </summary>
    public static string? DepartmentOf(AccessScope? scope) =>
        scope is null ? null
        : scope.Role == Role.Police ? LeadDepartments.Police
        : scope.Role == Role.MarketRegulation ? LeadDepartments.MarketRegulation
        : scope.Role == Role.Cyberspace ? LeadDepartments.Cyberspace
        : null;
}
