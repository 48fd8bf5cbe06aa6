using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Cases;

namespace CertGuard.Data.Enforcement.Cases;

/// <summary>
/// Who reads and who works administrative cases. The rows an account sees are the data layer's filters (its city's,
/// a joint department only those it was invited to); these say what the account may do with them.
/// </summary>
public static class CaseAccess
{
    /// <summary>The authorization policy of the case pages and API: every account that reads some case.</summary>
    public const string Policy = "cases";

    /// <summary>The province office reads every city (read-only); a city's enforcement, office and invited departments read.</summary>
    public static bool MayRead(AccessScope? scope) => scope is { } s
        && (s.Role == Role.ProvinceOffice || s.Role == Role.CityOffice || s.Role == Role.Inspector || s.Role == Role.EnforcementLead
            || JointDepartments.Includes(s.Role));

    /// <summary>Officers of the city's enforcement work the case (records, documents, stages).</summary>
    public static bool MayWork(AccessScope? scope) => scope is { } s && (s.Role == Role.Inspector || s.Role == Role.EnforcementLead);

    /// <summary>Approvals (filing, clocks, decision, closing) are the enforcement lead's (执法负责人).</summary>
    public static bool MayApprove(AccessScope? scope) => scope is { } s && s.Role == Role.EnforcementLead;

    /// <summary>An invited department adds its own records (联合查案).</summary>
    public static bool IsJoint(AccessScope? scope) => scope is { } s && JointDepartments.Includes(s.Role);
}
