namespace CertGuard.Core.Accounts;

/// <summary>
/// What a signed-in account may see: its role, its region and, for employers and institutions, its organisation.
/// The data layer turns this into query filters; pages and endpoints never decide scope on their own.
/// </summary>
public sealed record AccessScope(Role Role, string RegionCode, Guid? OrganisationId)
{
    /// <summary>An anonymous visitor: no organisation, no registry.</summary>
    public static AccessScope Anonymous { get; } = new(Role.Public, "", null);

    public bool SeesWholeProvince => Role.Reach == RoleReach.Province;

    /// <summary>
    /// The city the account is limited to, or null. Organisations are limited by organisation instead: an employer
    /// sees its own workers' certificates whichever city issued them.
    /// </summary>
    public string? CityCode => Role.Reach == RoleReach.City ? RegionCode : null;

    /// <summary>The organisation the account is limited to (employers, institutions), or null.</summary>
    public Guid? OwnOrganisationId => Role.Reach == RoleReach.Organisation ? OrganisationId : null;

    /// <summary>An organisation account whose organisation is unknown sees nothing rather than everything.</summary>
    public bool CanBrowseRegistry => Role.BrowsesRegistry && (Role.Reach != RoleReach.Organisation || OrganisationId is not null);

    /// <summary>
    /// The province office, or a city office of a real Guangdong city: those who oversee employers and institutions.
    /// </summary>
    public bool IsSafetyOffice => Role == Role.ProvinceOffice || (Role == Role.CityOffice && Regions.RegionDirectory.Guangdong.IsCity(RegionCode));

    public bool CanSeeCertificateOf(string regionCode, Guid? employerId) =>
        CanBrowseRegistry
        && (CityCode is null || CityCode == regionCode)
        && (OwnOrganisationId is null || OwnOrganisationId == employerId);
}
