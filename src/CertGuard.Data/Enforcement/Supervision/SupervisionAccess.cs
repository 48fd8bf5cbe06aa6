using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement.Supervision;
using CertGuard.Core.Regions;

namespace CertGuard.Data.Enforcement.Supervision;

/// <summary>
/// Who works supervised cases (挂牌督办). The rows an account reads are the data layer's (a city its own cases, the
/// province all); these say who may do what with them.
/// </summary>
public static class SupervisionAccess
{
    /// <summary>The policy of the list, the pages and the API.</summary>
    public const string Policy = "supervision";

    public static bool MayRead(AccessScope? scope) => scope is { } s
        && (s.Role == Role.ProvinceOffice || s.Role == Role.CityOffice || s.Role == Role.Inspector || s.Role == Role.EnforcementLead);

    /// <summary>The province office for any city; a city office for its own city.</summary>
    public static bool MayPlace(AccessScope? scope, string caseRegionCode) => scope is { } s
        && (s.Role == Role.ProvinceOffice || (s.Role == Role.CityOffice && s.RegionCode == caseRegionCode));

    public static bool MayPlaceAny(AccessScope? scope) => scope is { } s && (s.Role == Role.ProvinceOffice || s.Role == Role.CityOffice);

    /// <summary>The handling authority: the case city's enforcement reports progress.</summary>
    public static bool MayReport(AccessScope? scope, SupervisedCase s) => scope is { } a
        && (a.Role == Role.Inspector || a.Role == Role.EnforcementLead) && a.RegionCode == s.RegionCode;

    /// <summary>Only the office that put the case under supervision accepts it and lifts it (销号).</summary>
    public static bool IsSupervisor(AccessScope? scope, SupervisedCase s) => scope is { } a
        && (s.ByProvince ? a.Role == Role.ProvinceOffice : a.Role == Role.CityOffice && a.RegionCode == s.SupervisorRegionCode);

    /// <summary>The supervising region of an office: the province's code, or the city's.</summary>
    public static string SupervisorRegion(AccessScope scope) =>
        scope.Role == Role.ProvinceOffice ? RegionDirectory.Guangdong.Province.Code : scope.RegionCode;

    public static void RequireSupervisor(AccessScope? scope, SupervisedCase s)
    {
        if (!IsSupervisor(scope, s)) throw Refusal.Forbidden("SUPERVISION-LIFT-FORBIDDEN");
    }
}
