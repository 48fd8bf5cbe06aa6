using CertGuard.Core.Accounts;

namespace CertGuard.Data.Enforcement.TypicalCases;

/// <summary>Who drafts, approves and withdraws typical cases; the rows each reads are the data layer's (a city its own).</summary>
public static class TypicalCaseAccess
{
    /// <summary>The desk's policy (pages and API): the city's enforcement, the city office and the province office.</summary>
    public const string Policy = "typical-cases";

    public static bool MayRead(AccessScope? scope) => scope is { } s
        && (s.Role == Role.ProvinceOffice || s.Role == Role.CityOffice || s.Role == Role.Inspector || s.Role == Role.EnforcementLead);

    /// <summary>An officer of the city's enforcement drafts from the city's closed cases.</summary>
    public static bool MayDraft(AccessScope? scope) => scope is { } s && (s.Role == Role.Inspector || s.Role == Role.EnforcementLead);

    public static bool IsCityOffice(AccessScope? scope) => scope is { } s && s.Role == Role.CityOffice;

    /// <summary>The province office approves last (publishes) and may withdraw.</summary>
    public static bool IsProvinceOffice(AccessScope? scope) => scope is { } s && s.Role == Role.ProvinceOffice;
}
