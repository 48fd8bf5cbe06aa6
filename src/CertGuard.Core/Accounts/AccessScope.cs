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

    /// <summary>The city the account is limited to, or null when it sees the whole province.</summary>
    public string? CityCode => Role.Reach == RoleReach.Province ? null : RegionCode;

    /// <summary>The organisation the account is limited to (employers, institutions), or null.</summary>
    public Guid? OwnOrganisationId => Role.Reach == RoleReach.Organisation ? OrganisationId : null;

    public bool CanBrowseRegistry => Role.BrowsesRegistry;

    public bool CanSeeCertificateOf(string regionCode, Guid? employerId) =>
        CanBrowseRegistry
        && (CityCode is null || CityCode == regionCode)
        && (OwnOrganisationId is null || OwnOrganisationId == employerId);
}
