using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Regions;
using CertGuard.Data.Accounts;

namespace CertGuard.Data.Campaigns.Reports;

/// <summary>Who may do what with monthly reports: a city office its own city's (others do not exist for it), the province all.</summary>
internal static class ReportAccess
{
    /// <summary>Refuses a city the actor may not see as not found (the province and the platform see every city).</summary>
    public static void CheckCity(IActor actor, string city)
    {
        if (!RegionDirectory.Guangdong.IsCity(city)) throw Refusal.NotFound("REPORT-NOT-FOUND");
        if (actor.Scope is { } scope && !scope.SeesWholeProvince && scope.CityCode != city) throw Refusal.NotFound("REPORT-NOT-FOUND");
    }

    /// <summary>Only the city's own office prepares and submits its report.</summary>
    public static void CheckCityOffice(IActor actor)
    {
        if (actor.Role != Role.CityOffice) throw Refusal.Forbidden("REPORT-CITY-ONLY");
    }

    /// <summary>Only the province office accepts or returns.</summary>
    public static void CheckProvince(IActor actor)
    {
        if (actor.Role != Role.ProvinceOffice) throw Refusal.Forbidden("REPORT-PROVINCE-ONLY");
    }
}
