using CertGuard.Core.Accounts;
using CertGuard.Core.Regions;

namespace CertGuard.Core.Tests.Accounts;

public sealed class AccessScopeTests
{
    private const string Guangzhou = "440100";
    private const string Shenzhen = "440300";
    private const string Province = "440000";

    private static readonly string[] KeptOut = ["exam-centre", "training-institution"];
    private static readonly string[] WithOrganisation = ["employer", "exam-centre", "issuing-authority", "training-institution"];

    private static readonly Guid OwnEmployer = Guid.Parse("0190b0b0-0000-7000-8000-000000000001");
    private static readonly Guid OtherEmployer = Guid.Parse("0190b0b0-0000-7000-8000-000000000002");

    public static TheoryData<string> CityRoles() => ["city-office", "issuing-authority", "police", "market-regulation", "cyberspace", "inspector", "enforcement-lead"];

    public static TheoryData<string> ProvinceRoles() => ["province-office", "auditor", "national-exchange"];

    private static Role RoleOf(string id) => Role.Find(id) ?? throw new InvalidOperationException($"no role {id}");

    [Theory]
    [MemberData(nameof(ProvinceRoles))]
    public void A_province_role_sees_certificates_of_every_city(string roleId)
    {
        var scope = new AccessScope(RoleOf(roleId), Province, null);

        Assert.True(scope.SeesWholeProvince);
        Assert.Null(scope.CityCode);
        Assert.Null(scope.OwnOrganisationId);
        Assert.True(scope.CanBrowseRegistry);
        Assert.All(RegionDirectory.Guangdong.Cities, city =>
        {
            Assert.True(scope.CanSeeCertificateOf(city.Code, null));
            Assert.True(scope.CanSeeCertificateOf(city.Code, OtherEmployer));
        });
    }

    [Theory]
    [MemberData(nameof(CityRoles))]
    public void A_city_role_sees_only_its_own_city(string roleId)
    {
        var scope = new AccessScope(RoleOf(roleId), Shenzhen, Guid.NewGuid());

        Assert.False(scope.SeesWholeProvince);
        Assert.Equal(Shenzhen, scope.CityCode);
        Assert.Null(scope.OwnOrganisationId); // a city body sees the whole city, not just its own organisation's
        Assert.True(scope.CanSeeCertificateOf(Shenzhen, null));
        Assert.True(scope.CanSeeCertificateOf(Shenzhen, OtherEmployer));
        foreach (var city in RegionDirectory.Guangdong.Cities.Where(c => c.Code != Shenzhen))
            Assert.False(scope.CanSeeCertificateOf(city.Code, null), $"{roleId} of Shenzhen must not see {city.Name}");
    }

    [Fact]
    public void An_employer_sees_only_its_own_organisations_certificates()
    {
        var scope = new AccessScope(Role.Employer, Guangzhou, OwnEmployer);

        Assert.Equal(OwnEmployer, scope.OwnOrganisationId);
        Assert.True(scope.CanBrowseRegistry);
        Assert.True(scope.CanSeeCertificateOf(Guangzhou, OwnEmployer));
        Assert.False(scope.CanSeeCertificateOf(Guangzhou, OtherEmployer));
        Assert.False(scope.CanSeeCertificateOf(Guangzhou, null)); // a holder registered with no employer
        Assert.False(scope.CanSeeCertificateOf(Shenzhen, OtherEmployer));
    }

    [Fact]
    public void An_employer_sees_its_own_workers_certificates_whichever_city_issued_them()
    {
        // A certificate is valid nationwide; RegionCode is the city of the issuing authority, EmployerId the holder's
        // employer. A Guangzhou employer whose worker was certified in Shenzhen must still see that worker
        // ("employer: its roster, self-check" — DESIGN §1/§2).
        var scope = new AccessScope(Role.Employer, Guangzhou, OwnEmployer);

        Assert.True(scope.CanSeeCertificateOf(Shenzhen, OwnEmployer));
    }

    [Theory]
    [InlineData("employer")]
    [InlineData("training-institution")]
    [InlineData("exam-centre")]
    public void An_organisation_account_without_its_organisation_sees_no_certificate(string roleId)
    {
        // An account whose organisation claim is missing or unreadable (AccountClaims.ToScope gives null) must fail
        // closed, not fall back to the whole city.
        var scope = new AccessScope(RoleOf(roleId), Guangzhou, null);

        Assert.False(scope.CanSeeCertificateOf(Guangzhou, OtherEmployer));
        Assert.False(scope.CanSeeCertificateOf(Guangzhou, null));
    }

    [Theory]
    [InlineData("training-institution")]
    [InlineData("exam-centre")]
    public void Institutions_cannot_browse_the_registry(string roleId)
    {
        var scope = new AccessScope(RoleOf(roleId), Guangzhou, OwnEmployer);

        Assert.False(scope.CanBrowseRegistry);
        Assert.False(scope.CanSeeCertificateOf(Guangzhou, OwnEmployer));
        Assert.False(scope.CanSeeCertificateOf(Guangzhou, null));
        Assert.False(scope.CanSeeCertificateOf(Shenzhen, null));
    }

    [Fact]
    public void The_anonymous_public_cannot_browse_the_registry()
    {
        var scope = AccessScope.Anonymous;

        Assert.Equal(Role.Public, scope.Role);
        Assert.False(scope.CanBrowseRegistry);
        Assert.All(RegionDirectory.Guangdong.Cities, c => Assert.False(scope.CanSeeCertificateOf(c.Code, null)));
        Assert.False(scope.CanSeeCertificateOf("", null));
    }

    [Fact]
    public void Every_role_that_can_sign_in_is_found_by_its_id_and_the_public_is_not_one()
    {
        Assert.Equal(Role.All.Count, Role.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Role.All, r => Assert.Same(r, Role.Find(r.Id)));
        Assert.Null(Role.Find("public"));
        Assert.Null(Role.Find(null));
        Assert.Null(Role.Find("admin"));
    }

    [Fact]
    public void Only_institutions_and_the_public_are_kept_out_of_the_registry()
    {
        var outside = Role.All.Where(r => !r.BrowsesRegistry).Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(KeptOut, outside);
        Assert.False(Role.Public.BrowsesRegistry);
    }

    [Fact]
    public void Employers_institutions_and_issuing_authorities_need_an_organisation()
    {
        var need = Role.All.Where(r => r.NeedsOrganisation).Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(WithOrganisation, need);
    }
}
