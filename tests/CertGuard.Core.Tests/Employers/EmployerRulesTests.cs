using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;

namespace CertGuard.Core.Tests.Employers;

/// <summary>An employer's registration (the GB 32100 credit code), its positions and the rate's rounding.</summary>
public sealed class EmployerRulesTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015 written for the tests: weight of position i is 3^i mod 31, and the check makes the sum 0 mod 31.</summary>
    private static string Complete(string first17)
    {
        var (sum, weight) = (0, 1);
        foreach (var c in first17)
        {
            sum += Alphabet.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + Alphabet[(31 - sum % 31) % 31];
    }

    private static EmployerDetails Details(string code) => new("广州测试建设有限公司", code, "440100", "建筑", "张三", "020-12345678");

    [Theory]
    [InlineData("91440101MA59UQ3K0")]
    [InlineData("12440000455858001")]
    [InlineData("5144000050690238X")]
    public void A_code_with_its_check_character_passes_and_any_other_check_character_is_refused(string first17)
    {
        var code = Complete(first17);
        Details(code).Normalised().Validate();
        Assert.True(UnifiedSocialCreditCode.IsValid(code));

        foreach (var wrong in Alphabet.Where(c => c != code[17]))
        {
            var refusal = Assert.Throws<DomainRuleException>(() => Details(code[..17] + wrong).Normalised().Validate());
            Assert.Equal("EMPLOYER-USCC", refusal.Code);
            Assert.Contains("校验位", refusal.Message);
        }
    }

    [Fact]
    public void Lower_case_and_full_width_input_is_normalised_and_forbidden_letters_and_lengths_are_explained()
    {
        var code = Complete("91440101MA59UQ3K0");
        var fullWidth = new string(code.ToLowerInvariant().Select(c => (char)(c + 0xFEE0)).ToArray());
        Assert.Equal(code, EmployerDetails.NormaliseCreditCode($" {fullWidth} "));

        Assert.Contains("18位", EmployerDetails.CreditCodeError(code[..17]));
        Assert.Contains("不使用 I、O、Z、S、V", EmployerDetails.CreditCodeError(code[..16] + "O" + code[17]));
        Assert.Null(EmployerDetails.CreditCodeError(code));
    }

    [Fact]
    public void Registration_needs_a_city_of_guangdong_a_known_industry_and_a_contact()
    {
        var code = Complete("91440101MA59UQ3K0");
        Assert.Equal("EMPLOYER-CITY", Assert.Throws<DomainRuleException>(() => (Details(code) with { RegionCode = "430100" }).Validate()).Code);
        Assert.Equal("EMPLOYER-INDUSTRY", Assert.Throws<DomainRuleException>(() => (Details(code) with { Industry = "娱乐" }).Validate()).Code);
        Assert.Equal("EMPLOYER-PHONE", Assert.Throws<DomainRuleException>(() => (Details(code) with { ContactPhone = "call me" }).Validate()).Code);

        var pending = Organisation.RegisterEmployer(Details(code), byOffice: false, "self", DateTimeOffset.UnixEpoch);
        Assert.Equal(OrganisationApproval.Pending, pending.Approval);
        Assert.Equal("EMPLOYER-REJECT-REASON", Assert.Throws<DomainRuleException>(() => pending.Reject(" ", "gz.office", DateTimeOffset.UnixEpoch)).Code);
        pending.Approve("gz.office", DateTimeOffset.UnixEpoch);
        Assert.Equal(OrganisationApproval.Approved, pending.Approval);
        Assert.Equal("EMPLOYER-ALREADY-DECIDED", Assert.Throws<DomainRuleException>(() => pending.Approve("gz.office", DateTimeOffset.UnixEpoch)).Code);
        Assert.Equal(OrganisationApproval.Approved, Organisation.RegisterEmployer(Details(code), byOffice: true, "gz.office", DateTimeOffset.UnixEpoch).Approval);
    }

    [Fact]
    public void A_position_keeps_its_items_in_catalogue_order_and_refuses_unknown_items_and_formula_names()
    {
        var position = Position.Define(Guid.NewGuid(), "　电工 ", ["1.2", "1.1", "1.2"], null, DateTimeOffset.UnixEpoch);
        Assert.Equal("电工", position.Name);
        Assert.Equal(["1.1", "1.2"], position.Items);
        Assert.True(position.Accepts("1.1"));
        Assert.False(position.Accepts("2.1"));

        Assert.Equal("POSITION-ITEM-UNKNOWN", Assert.Throws<DomainRuleException>(() => Position.Define(Guid.NewGuid(), "焊工", ["2.9"], null, DateTimeOffset.UnixEpoch)).Code);
        Assert.Equal("POSITION-ITEMS", Assert.Throws<DomainRuleException>(() => Position.Define(Guid.NewGuid(), "焊工", [], null, DateTimeOffset.UnixEpoch)).Code);
        Assert.Equal("POSITION-NAME-LEAD", Assert.Throws<DomainRuleException>(() => Position.Define(Guid.NewGuid(), "=cmd", ["2.1"], null, DateTimeOffset.UnixEpoch)).Code);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(2, 9, "22.2")]
    [InlineData(1999, 2000, "99.9")]
    [InlineData(9999, 10000, "99.9")]
    [InlineData(7, 7, "100")]
    public void The_rate_is_rounded_down_so_that_only_everyone_makes_100(int compliant, int workers, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ComplianceRate.Percent(compliant, workers));
    }
}
