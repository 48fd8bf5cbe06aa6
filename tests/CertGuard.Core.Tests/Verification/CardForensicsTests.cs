using CertGuard.Core.Holders;
using CertGuard.Core.Verification;

namespace CertGuard.Core.Tests.Verification;

public sealed class CardForensicsTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static string Valid(string first17) => first17 + ResidentIdNumber.ComputeCheckCharacter(first17);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Nothing_asked_is_nothing_found(string? number) => Assert.Empty(CardForensics.Examine(number, Today));

    [Fact]
    public void A_genuine_form_has_no_findings_bare_printed_or_full_width()
    {
        var number = Valid("44010619900101123");
        Assert.Empty(CardForensics.Examine(number, Today));
        Assert.Empty(CardForensics.Examine("T" + number, Today));
        var fullWidth = string.Concat(number.Select(c => (char)(c + 0xFEE0)));
        Assert.Empty(CardForensics.Examine(fullWidth, Today));
    }

    [Fact]
    public void Each_impossible_number_has_its_finding()
    {
        var good = Valid("44010619900101123");
        var wrongCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        Assert.Equal([CardFinding.CheckCharacter], CardForensics.Examine(wrongCheck, Today));
        Assert.Equal([CardFinding.UnknownProvince], CardForensics.Examine(Valid("99010619900101123"), Today));
        Assert.Equal([CardFinding.BirthDate], CardForensics.Examine(Valid("44010619901301123"), Today));
        Assert.Equal([CardFinding.BirthDate], CardForensics.Examine(Valid("44010620300101123"), Today));
        Assert.Equal([CardFinding.UnusedForm], CardForensics.Examine("粤A" + good, Today));
        Assert.Equal([CardFinding.UnusedForm], CardForensics.Examine("TS" + good, Today));
        Assert.Equal([CardFinding.UnusedForm], CardForensics.Examine(good[..15], Today));
    }

    [Fact]
    public void A_holder_under_18_at_first_issue_is_a_finding_18_on_the_day_is_not()
    {
        var born2000 = Valid("44010620000301123");
        Assert.Equal([CardFinding.UnderAge], CardForensics.Examine(born2000, Today, claimedFirstIssuedOn: new DateOnly(2018, 2, 28)));
        Assert.Empty(CardForensics.Examine(born2000, Today, claimedFirstIssuedOn: new DateOnly(2018, 3, 1)));
    }

    [Fact]
    public void An_item_outside_its_category_is_a_finding_an_unknown_item_is_left_to_the_registry()
    {
        Assert.Equal([CardFinding.ItemOutsideCategory], CardForensics.Examine(null, Today, categoryCode: "2", itemCode: "1.1"));
        Assert.Empty(CardForensics.Examine(null, Today, categoryCode: "1", itemCode: "1.1"));
        Assert.Empty(CardForensics.Examine(null, Today, categoryCode: "1", itemCode: "99.9"));
    }

    [Fact]
    public void Every_finding_has_a_code_and_a_chinese_explanation()
    {
        CardFinding[] all = [CardFinding.CheckCharacter, CardFinding.UnknownProvince, CardFinding.BirthDate, CardFinding.UnderAge, CardFinding.ItemOutsideCategory, CardFinding.UnusedForm];
        Assert.Equal(all.Length, all.Select(f => f.Code).Distinct().Count());
        Assert.All(all, f => Assert.Contains(f.Explanation, c => c is >= '\u4E00' and <= '\u9FFF'));
    }
}
