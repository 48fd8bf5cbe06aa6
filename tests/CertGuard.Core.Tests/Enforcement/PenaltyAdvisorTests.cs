using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Tests.Enforcement;

/// <summary>Discretion bands from the shipped reference data, the legal range check and the Art. 97 tiers.</summary>
public sealed class PenaltyAdvisorTests
{
    public static readonly TheoryData<string> Versions = new() { "order-30", "order-19" };

    private static ReferenceDataVersion Version(string key) => ReferenceDataSet.Shipped.Find(key)!;

    private static PenaltyRule Rule(string code, string key = "order-30") => Version(key).Penalty(code)!;

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_first_offence_with_one_worker_gets_the_lower_band_and_a_repeated_one_with_five_the_upper(string key)
    {
        var rule = Rule("EMPLOYER-UNCERTIFIED-WORKER", key);
        var first = PenaltyAdvisor.Propose(rule, new PenaltyCircumstances(FirstOffence: true, Workers: 1, CorrectedInTime: true, MajorHiddenHazard: false));
        Assert.Equal("LIGHT", first.Band.Code);
        Assert.Equal((0L, 30_000L), (first.Minimum, first.Maximum));
        Assert.Equal(rule.LegalBasis, first.LegalBasis);
        Assert.Contains("第九十七条", first.LegalBasis, StringComparison.Ordinal);

        var repeated = PenaltyAdvisor.Propose(rule, new PenaltyCircumstances(FirstOffence: false, Workers: 5, CorrectedInTime: false, MajorHiddenHazard: false));
        Assert.Equal("SERIOUS", repeated.Band.Code);
        Assert.Equal((70_000L, 100_000L), (repeated.Minimum, repeated.Maximum));
    }

    [Fact]
    public void A_major_hidden_hazard_or_a_late_correction_leaves_the_lower_band()
    {
        var rule = Rule("EMPLOYER-UNCERTIFIED-WORKER");
        Assert.Equal("GENERAL", PenaltyAdvisor.Propose(rule, new PenaltyCircumstances(true, 1, true, MajorHiddenHazard: true)).Band.Code);
        Assert.Equal("GENERAL", PenaltyAdvisor.Propose(rule, new PenaltyCircumstances(true, 1, CorrectedInTime: false, false)).Band.Code);
        Assert.Equal("SERIOUS", PenaltyAdvisor.Propose(rule, new PenaltyCircumstances(true, Workers: 6, true, false)).Band.Code);
    }

    [Fact]
    public void Every_shipped_band_lies_inside_its_rules_legal_range()
    {
        foreach (var version in ReferenceDataSet.Shipped.Versions)
        foreach (var rule in version.Penalties)
        {
            var (low, high) = PenaltyAdvisor.LegalRange(rule);
            Assert.All(rule.Bands, b => Assert.True(b.MinimumFine >= low && b.MaximumFine <= high && b.MinimumFine <= b.MaximumFine, $"{rule.Code}/{b.Code}"));
            if (rule.MaximumFine is not null) Assert.NotEmpty(rule.Bands);
            // The last band takes everything the others leave.
            if (rule.Bands.Count > 0) Assert.Equal(BandCondition.Always, rule.Bands[^1].When);
        }
    }

    [Theory]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER", -1L, 0L, 100_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER", 100_001L, 0L, 100_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED", 99_999L, 100_000L, 200_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED", 200_001L, 100_000L, 200_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-MANAGERS", 19_999L, 20_000L, 50_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-MANAGERS", 50_001L, 20_000L, 50_000L)]
    [InlineData("HOLDER-FORGED-CERTIFICATE", 999L, 1_000L, 5_000L)]
    [InlineData("HOLDER-LENT-CERTIFICATE", 10_001L, 2_000L, 10_000L)]
    [InlineData("INSTITUTION-CONDITIONS", 1L, 0L, 0L)]
    public void An_amount_outside_the_legal_range_is_refused_with_the_range(string code, long amount, long min, long max)
    {
        var refusal = Assert.Throws<DomainRuleException>(() => PenaltyAdvisor.Check(Rule(code), amount));
        Assert.Equal(("PENALTY-OUT-OF-RANGE", RefusalKind.Invalid), (refusal.Code, refusal.Kind));
        Assert.Equal(min, refusal.Arguments["min"]);
        Assert.Equal(max, refusal.Arguments["max"]);
        Assert.Equal(amount, refusal.Arguments["amount"]);
    }

    [Theory]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER", 0L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER", 100_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED", 100_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED", 200_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-MANAGERS", 20_000L)]
    [InlineData("EMPLOYER-UNCERTIFIED-WORKER-MANAGERS", 50_000L)]
    [InlineData("HOLDER-FORGED-CERTIFICATE", 5_000L)]
    [InlineData("HOLDER-LENT-CERTIFICATE", 2_000L)]
    public void An_amount_on_the_bounds_is_accepted(string code, long amount) => PenaltyAdvisor.Check(Rule(code), amount);

    [Theory]
    [MemberData(nameof(Versions))]
    public void Article_97_has_three_tiers_the_employer_then_the_employer_not_corrected_and_its_managers(string key)
    {
        var v = Version(key);
        Assert.Equal((PenaltyParty.Employer, 0L, 100_000L), Tier(v, "EMPLOYER-UNCERTIFIED-WORKER"));
        Assert.Equal((PenaltyParty.Employer, 100_000L, 200_000L), Tier(v, "EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED"));
        Assert.Equal((PenaltyParty.ResponsiblePerson, 20_000L, 50_000L), Tier(v, "EMPLOYER-UNCERTIFIED-WORKER-MANAGERS"));
        Assert.All(["EMPLOYER-UNCERTIFIED-WORKER", "EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED", "EMPLOYER-UNCERTIFIED-WORKER-MANAGERS"],
            code => Assert.Contains("《安全生产法》（2021年修正）第九十七条第（七）项", v.Penalty(code)!.LegalBasis, StringComparison.Ordinal));

        static (PenaltyParty, long?, long?) Tier(ReferenceDataVersion v, string code) =>
            v.Penalty(code) is { } r ? (r.Party, r.MinimumFine, r.MaximumFine) : throw new InvalidOperationException(code);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_holders_violations_cover_forging_altering_using_a_forged_one_lending_transferring_and_impersonating(string key)
    {
        var v = Version(key);
        var forged = v.Penalty("HOLDER-FORGED-CERTIFICATE")!;
        var lent = v.Penalty("HOLDER-LENT-CERTIFICATE")!;
        Assert.All(["伪造", "涂改", "使用伪造"], word => Assert.Contains(word, forged.Violation, StringComparison.Ordinal));
        Assert.All(["转借", "转让", "冒用"], word => Assert.Contains(word, lent.Violation, StringComparison.Ordinal));
        Assert.Equal((PenaltyParty.Holder, 1_000L, 5_000L), (forged.Party, forged.MinimumFine, forged.MaximumFine));
        Assert.Equal((PenaltyParty.Holder, 2_000L, 10_000L), (lent.Party, lent.MinimumFine, lent.MaximumFine));
        Assert.Contains("第四十一条", forged.LegalBasis, StringComparison.Ordinal);
        Assert.Contains("第四十条", v.Penalty("EMPLOYER-FORGED-CERTIFICATES")!.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_and_the_organisation_are_separate_lines_each_checked_against_its_rule()
    {
        var v = Version("order-30");
        PenaltyLine[] lines =
        [
            new(PenaltyParty.Employer, "广州示例机电设备制造有限公司", "EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED", 120_000, "责令停产停业整顿，并处罚款"),
            new(PenaltyParty.ResponsiblePerson, "张某某", "EMPLOYER-UNCERTIFIED-WORKER-MANAGERS", 30_000, "处罚款"),
        ];
        Assert.Equal(150_000, PenaltyAdvisor.Total(lines, v));
        Assert.Equal("PENALTY-OUT-OF-RANGE", Assert.Throws<DomainRuleException>(() => PenaltyAdvisor.Total([lines[0], lines[1] with { Fine = 60_000 }], v)).Code);
        Assert.Equal("PENALTY-PARTY-MISMATCH", Assert.Throws<DomainRuleException>(() => PenaltyAdvisor.Total([lines[1] with { Party = PenaltyParty.Employer }], v)).Code);
        Assert.Equal("PENALTY-RULE-UNKNOWN", Assert.Throws<DomainRuleException>(() => PenaltyAdvisor.Total([lines[0] with { RuleCode = "NO-SUCH-RULE" }], v)).Code);
    }

    [Fact]
    public void A_rule_without_bands_proposes_its_legal_range()
    {
        var rule = Rule("HOLDER-LENT-CERTIFICATE") with { Bands = [] };
        var proposal = PenaltyAdvisor.Propose(rule, new PenaltyCircumstances(true, 1, true, false));
        Assert.Equal((PenaltyAdvisor.LegalRangeBand, 2_000L, 10_000L), (proposal.Band.Code, proposal.Minimum, proposal.Maximum));
    }

    [Theory]
    [InlineData("制造", "EMPLOYER-UNCERTIFIED-WORKER", true)]
    [InlineData("冶金", "EMPLOYER-UNCERTIFIED-WORKER-NOT-CORRECTED", true)]
    [InlineData("建筑", "EMPLOYER-UNCERTIFIED-WORKER", false)]
    [InlineData("制造", "HOLDER-LENT-CERTIFICATE", false)]
    [InlineData(null, "EMPLOYER-UNCERTIFIED-WORKER", false)]
    public void An_uncertified_worker_in_an_industrial_or_trade_enterprise_is_a_major_hidden_hazard(string? industry, string code, bool expected) =>
        Assert.Equal(expected, MajorHiddenHazard.Applies(industry, code));
}
