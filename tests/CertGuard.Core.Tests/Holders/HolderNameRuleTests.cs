using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Institutions;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Holders;

/// <summary>
/// One holder-name rule: a table of name pairs gets the same verdict from the rule itself, the roster judge and the
/// review judge (the public query and the QR check call the rule directly; the integration tests go through them).
/// </summary>
public sealed class HolderNameRuleTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly CertificateRules Rules = CertificateRules.Order30;

    /// <summary>(registered, asked, same person?).</summary>
    public static TheoryData<string, string, bool> Pairs => new()
    {
        { "艾力·买买提", "艾力·买买提", true },
        { "艾力·买买提", "艾力.买买提", true },
        { "艾力·买买提", "艾力∙买买提", true },
        { "艾力·买买提", "艾力•买买提", true },
        { "艾力·买买提", "艾力・买买提", true },
        { "艾力·买买提", "艾力･买买提", true },
        { "艾力·买买提", "艾力．买买提", true },
        { "艾力·买买提", "艾力‧买买提", true },
        { "艾力·买买提", "艾力⋅买买提", true },
        { "艾力·买买提", "艾力。买买提", true },
        { "艾力·买买提", "艾力\u0387买买提", true },
        // The documented rule: the dot is not significant, so the name without it is the same name.
        { "艾力·买买提", "艾力买买提", true },
        { "艾力买买提", "艾力·买买提", true },
        { "艾力·买买提", " 艾力 · 买买提 ", true },
        { "阿卜杜·热合曼", "阿卜杜\u3000热合曼", true },
        { "张三", "张\u3000三", true },
        { "张三", "\u200B张三", true },
        { "JOHN SMITH", "ｊｏｈｎ smith", true },
        { "John·Smith", "JOHN.SMITH", true },
        { "张三", "张三丰", false },
        { "张三", "李三", false },
        { "艾力·买买提", "艾力·买买", false },
        { "艾力·买买提", "艾力●买买提", false },
        { "艾力·买买提", "买买提·艾力", false },
    };

    private static Certificate Issue(string name)
    {
        var issuedOn = Today.AddYears(-1);
        return Certificate.Issue(TestCertificates.Request(issuedOn, name: name), Rules, FixedClock.AtChinaNoon(issuedOn));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_channel_gives_the_same_verdict(string registered, string asked, bool same)
    {
        var certificate = Issue(registered);

        var rule = HolderNames.Same(registered, asked);
        var key = HolderNames.Matches(registered, HolderNames.Key(asked));
        var roster = RosterJudge.Judge(asked, null, [certificate], Today, Rules).Verdict != RosterVerdict.NameMismatch;
        var review = ReviewJudge.Judge(certificate.Number, asked, certificate.ItemCode, [certificate], Today, Rules).Verdict != ReviewVerdict.NameMismatch;

        Assert.Equal([same, same, same, same], new[] { rule, key, roster, review });
    }

    [Theory]
    [InlineData("艾力·买买提")]
    [InlineData("艾力.买买提")]
    [InlineData("艾力∙买买提")]
    [InlineData("Ümit Özdemir")]
    [InlineData("张 三")]
    [InlineData("ئەخمەت")]
    public void Names_of_every_script_with_dots_and_spaces_are_accepted(string name) => Assert.Null(HolderNames.Problem(name));

    [Theory]
    [InlineData("<script>alert(1)</script>", "HOLDER-NAME-CHARACTERS")]
    [InlineData("=cmd|' /C calc'!A0", "HOLDER-NAME-CHARACTERS")]
    [InlineData("张\0三", "HOLDER-NAME-CHARACTERS")]
    [InlineData("张\u202E三", "HOLDER-NAME-CHARACTERS")]
    [InlineData("张\u200F三", "HOLDER-NAME-CHARACTERS")]
    [InlineData("张\u200B三", "HOLDER-NAME-CHARACTERS")]
    [InlineData("张\t三", "HOLDER-NAME-CHARACTERS")]
    [InlineData("张三1", "HOLDER-NAME-CHARACTERS")]
    [InlineData("艾力●买买提", "HOLDER-NAME-CHARACTERS")]
    [InlineData("··", "HOLDER-NAME-CHARACTERS")]
    [InlineData("   ", "HOLDER-NAME-REQUIRED")]
    public void Markup_formulas_control_and_bidi_characters_are_refused(string name, string code)
    {
        Assert.Equal(code, HolderNames.Problem(name));
        Assert.True(RefusalMessages.Has(code));
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused() =>
        Assert.Equal("HOLDER-NAME-TOO-LONG", HolderNames.Problem(new string('张', HolderNames.MaxLength + 1)));

    [Fact]
    public void Issue_and_replacement_refuse_a_name_the_rule_refuses()
    {
        var issuedOn = Today.AddYears(-1);
        var refused = Assert.Throws<DomainRuleException>(() =>
            Certificate.Issue(TestCertificates.Request(issuedOn, name: "张\u202E三"), Rules, FixedClock.AtChinaNoon(issuedOn)));
        Assert.Equal("HOLDER-NAME-CHARACTERS", refused.Code);

        var certificate = Issue("张三");
        var replaced = Assert.Throws<DomainRuleException>(() => certificate.Replace("<b>张三</b>", "officer", FixedClock.AtChinaNoon(Today)));
        Assert.Equal("HOLDER-NAME-CHARACTERS", replaced.Code);
    }

    [Fact]
    public void An_issue_under_a_known_number_with_another_name_is_refused_unless_the_change_of_name_is_confirmed()
    {
        var existing = Issue("张三");
        var clock = FixedClock.AtChinaNoon(Today);
        var other = TestCertificates.Request(Today, itemCode: "2.1", name: "李四");

        var refused = Assert.Throws<DomainRuleException>(() => IssueEligibility.Check(other, [existing], clock));
        Assert.Equal(("CERT-NAME-DIFFERS", RefusalKind.Conflict), (refused.Code, refused.Kind));
        Assert.True(RefusalMessages.Has("CERT-NAME-DIFFERS"));
        // The same person, the dot typed another way, is no other name.
        Assert.Null(IssueEligibility.Check(TestCertificates.Request(Today, itemCode: "2.1", name: " 张 三"), [existing], clock));
        Assert.Null(IssueEligibility.Check(other with { NameChangeConfirmed = true }, [existing], clock));
    }
}
