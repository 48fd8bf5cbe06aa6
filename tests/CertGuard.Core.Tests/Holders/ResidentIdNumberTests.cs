using CertGuard.Core.Holders;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Holders;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private const string TextbookExample = "11010519491231002X";

    private static IdNumberError ErrorOf(string? text, DateOnly? today = null)
    {
        Assert.False(ResidentIdNumber.TryParse(text, today ?? Today, out _, out var error), $"'{text}' should be refused");
        return error;
    }

    private static ResidentIdNumber Valid(string text, DateOnly? today = null)
    {
        Assert.True(ResidentIdNumber.TryParse(text, today ?? Today, out var id, out var error), error?.Code);
        return id;
    }

    // ---- the check character -------------------------------------------------------------------------------

    [Fact]
    public void The_independent_check_implementation_reproduces_the_textbook_example()
    {
        // Guards the test helper itself: GB 11643's published example ends in X.
        Assert.Equal('X', IdNumbers.CheckCharacter(TextbookExample[..17]));
    }

    [Fact]
    public void The_textbook_example_is_valid()
    {
        var id = Valid(TextbookExample);

        Assert.Equal(TextbookExample, id.Value);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal("110105", id.DivisionCode);
        Assert.Equal("11", id.ProvinceCode);
        Assert.Equal(Sex.Female, id.Sex); // 17th digit 2: even
    }

    [Theory]
    [InlineData("440106", 1985, 5, 20, 123)]
    [InlineData("440305", 1990, 3, 7, 1)]
    [InlineData("445381", 2000, 12, 31, 998)]
    [InlineData("440104", 1960, 1, 1, 456)]
    [InlineData("110101", 1975, 8, 8, 77)]
    [InlineData("650102", 1988, 10, 30, 300)]
    public void Numbers_with_a_correct_check_character_are_valid(string division, int y, int m, int d, int sequence)
    {
        var text = IdNumbers.Make(division, new DateOnly(y, m, d), sequence);

        var id = Valid(text);

        Assert.Equal(text, id.Value);
        Assert.Equal(new DateOnly(y, m, d), id.BirthDate);
        Assert.Equal(division, id.DivisionCode);
        Assert.Equal(division[..2], id.ProvinceCode);
    }

    [Fact]
    public void Every_check_character_agrees_with_the_independent_implementation()
    {
        var random = new Random(20260615);
        var seen = new HashSet<char>();
        for (var n = 0; n < 5000; n++)
        {
            var first17 = string.Concat(Enumerable.Range(0, 17).Select(_ => (char)('0' + random.Next(10))));
            var expected = IdNumbers.CheckCharacter(first17);
            seen.Add(expected);
            Assert.Equal(expected, ResidentIdNumber.ComputeCheckCharacter(first17));
        }
        Assert.Equal(11, seen.Count); // all of 0-9 and X were exercised
    }

    [Theory]
    [InlineData("440106", 1985, 5, 20, 123)]
    [InlineData("110105", 1949, 12, 31, 2)]
    public void A_wrong_check_character_is_refused(string division, int y, int m, int d, int sequence)
    {
        var good = IdNumbers.Make(division, new DateOnly(y, m, d), sequence);
        var bad = IdNumbers.WithWrongCheck(good);
        Assert.NotEqual(good, bad);

        Assert.Equal("ID-CHECK", ErrorOf(bad).Code);
    }

    [Fact]
    public void Every_wrong_check_character_is_refused()
    {
        var good = IdNumbers.Make("440106", new DateOnly(1985, 5, 20), 123);
        foreach (var c in "0123456789X".Where(c => c != good[17]))
            Assert.Equal("ID-CHECK", ErrorOf(good[..17] + c).Code);
    }

    [Fact]
    public void A_transposition_of_two_digits_is_caught()
    {
        var good = IdNumbers.Make("440106", new DateOnly(1985, 5, 20), 123);
        var swapped = good[..14] + good[15] + good[14] + good[16..]; // sequence 123 -> 213, check kept
        Assert.Equal("ID-CHECK", ErrorOf(swapped).Code);
    }

    // ---- shape --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("440106850520123")]
    [InlineData("110105491231002")]
    public void A_15_digit_legacy_number_is_refused_with_its_own_code(string legacy)
    {
        Assert.Equal("ID-LEGACY-15", ErrorOf(legacy).Code);
    }

    [Fact]
    public void Parse_throws_a_domain_exception_carrying_the_code()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ResidentIdNumber.Parse("440106850520123", Today));
        Assert.Equal("ID-LEGACY-15", ex.Code);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Theory]
    [InlineData("11010519491231002")]   // 17
    [InlineData("11010519491231002X1")] // 19
    [InlineData("4401")]
    [InlineData("44010619850520123456789")]
    public void A_wrong_length_is_refused(string text)
    {
        Assert.Equal("ID-LENGTH", ErrorOf(text).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_entered_is_refused_as_empty(string? text)
    {
        Assert.Equal("ID-EMPTY", ErrorOf(text).Code);
    }

    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("11010519491231002Y")]
    [InlineData("X10105194912310021")]
    [InlineData("110105-9491231002X")]
    public void Letters_or_symbols_are_refused(string text)
    {
        Assert.Equal("ID-CHARACTERS", ErrorOf(text).Code);
    }

    // ---- province ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("990101")]
    [InlineData("000101")]
    [InlineData("100101")]
    [InlineData("470101")]
    [InlineData("910101")]
    public void An_unknown_province_code_is_refused(string division)
    {
        // Otherwise a perfectly formed number: the check character is right.
        var text = IdNumbers.Make(division, new DateOnly(1985, 5, 20), 123);
        Assert.Equal("ID-PROVINCE", ErrorOf(text).Code);
    }

    [Theory]
    [InlineData("110105")] // Beijing
    [InlineData("650102")] // Xinjiang
    [InlineData("810000")] // Hong Kong residence permit
    [InlineData("820000")] // Macao
    [InlineData("510107")] // Sichuan
    public void Holders_from_other_provinces_are_accepted(string division)
    {
        var text = IdNumbers.Make(division, new DateOnly(1985, 5, 20), 123);
        Assert.Equal(division[..2], Valid(text).ProvinceCode);
    }

    // ---- birth date ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(2000)] // divisible by 400
    [InlineData(2004)]
    [InlineData(1996)]
    public void February_29_of_a_leap_year_is_a_birth_date(int year)
    {
        var text = IdNumbers.Make("440106", new DateOnly(year, 2, 29), 123);
        Assert.Equal(new DateOnly(year, 2, 29), Valid(text).BirthDate);
    }

    [Theory]
    [InlineData("1900")] // divisible by 100, not by 400
    [InlineData("1999")]
    [InlineData("2023")]
    public void February_29_of_a_common_year_is_refused(string year)
    {
        var text = IdNumbers.Complete("440106" + year + "0229" + "123");
        Assert.Equal("ID-BIRTH-DATE", ErrorOf(text).Code);
    }

    [Theory]
    [InlineData("19851320")] // month 13
    [InlineData("19850431")] // 31 April
    [InlineData("19850000")]
    [InlineData("18991231")] // before 1900
    public void An_impossible_birth_date_is_refused(string yyyymmdd)
    {
        var text = IdNumbers.Complete("440106" + yyyymmdd + "123");
        Assert.Equal("ID-BIRTH-DATE", ErrorOf(text).Code);
    }

    [Fact]
    public void A_birth_date_after_today_is_refused()
    {
        var tomorrow = Today.AddDays(1);
        var text = IdNumbers.Make("440106", tomorrow, 123);

        Assert.Equal("ID-BIRTH-FUTURE", ErrorOf(text, Today).Code);
        // The same number becomes valid once that day has come.
        Assert.Equal(tomorrow, Valid(text, tomorrow).BirthDate);
    }

    [Fact]
    public void A_birth_date_of_today_is_accepted()
    {
        var text = IdNumbers.Make("440106", Today, 123);
        Assert.Equal(Today, Valid(text, Today).BirthDate);
    }

    // ---- normalisation -----------------------------------------------------------------------------------------------

    [Fact]
    public void Full_width_digits_and_a_full_width_x_are_normalised()
    {
        var fullWidth = string.Concat(TextbookExample.Select(c => (char)(c == 'X' ? 'ｘ' : c + 0xFEE0)));
        Assert.Equal("１１０１０５１９４９１２３１００２ｘ", fullWidth);

        Assert.Equal(TextbookExample, Valid(fullWidth).Value);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData("11010519491231002Ｘ")]
    [InlineData("11010519491231002ｘ")]
    [InlineData("  11010519491231002X  ")]
    [InlineData("\u300011010519491231002x\u3000")] // ideographic spaces around
    public void Lower_case_and_full_width_check_characters_and_spaces_are_normalised(string text)
    {
        Assert.Equal(TextbookExample, Valid(text).Value);
        Assert.Equal(TextbookExample, ResidentIdNumber.Normalize(text));
    }

    [Fact]
    public void Mixed_full_width_and_ascii_digits_are_normalised()
    {
        var good = IdNumbers.Make("440106", new DateOnly(1985, 5, 20), 123);
        var mixed = string.Concat(good.Select((c, i) => i % 2 == 0 && char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c));
        Assert.NotEqual(good, mixed);

        Assert.Equal(good, Valid(mixed).Value);
    }

    // ---- derived values -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(1, Sex.Male)]
    [InlineData(3, Sex.Male)]
    [InlineData(9, Sex.Male)]
    [InlineData(457, Sex.Male)]
    [InlineData(0, Sex.Female)]
    [InlineData(2, Sex.Female)]
    [InlineData(8, Sex.Female)]
    [InlineData(458, Sex.Female)]
    public void Sex_follows_the_parity_of_the_17th_digit(int sequence, Sex expected)
    {
        var id = Valid(IdNumbers.Make("440106", new DateOnly(1985, 5, 20), sequence));
        Assert.Equal(expected, id.Sex);
        Assert.Equal(sequence % 2 == 1 ? Sex.Male : Sex.Female, id.Sex);
    }

    [Fact]
    public void Division_and_province_codes_are_the_leading_digits()
    {
        var id = Valid(IdNumbers.Make("440307", new DateOnly(1985, 5, 20), 123));
        Assert.Equal("440307", id.DivisionCode);
        Assert.Equal("44", id.ProvinceCode);
    }

    [Fact]
    public void Masked_keeps_four_characters_each_end_and_hides_ten()
    {
        var text = FindNumberEndingInX("440106", new DateOnly(1985, 5, 20));
        var id = Valid(text);

        Assert.Equal(text[..4] + "**********" + text[14..], id.Masked);
        Assert.Matches("^4401\\*{10}\\d{3}X$", id.Masked);
        Assert.Equal(18, id.Masked.Length);
        Assert.DoesNotContain(id.BirthDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), id.Masked[..14], StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_mask_example_has_its_form()
    {
        // DESIGN/code comment: 4401**********123X.
        var text = IdNumbers.Complete("44010619850520" + "123");
        var masked = ResidentIdNumber.Mask("44010619850520123X");
        Assert.Equal("4401**********123X", masked);
        Assert.Equal(text[..4] + new string('*', 10) + text[14..], ResidentIdNumber.Mask(text));
    }

    [Theory]
    [InlineData(1985, 5, 20, 2026, 5, 19, 40)] // the day before the birthday
    [InlineData(1985, 5, 20, 2026, 5, 20, 41)] // on the birthday
    [InlineData(1985, 5, 20, 2026, 5, 21, 41)]
    [InlineData(2008, 6, 15, 2026, 6, 14, 17)]
    [InlineData(2008, 6, 15, 2026, 6, 15, 18)]
    [InlineData(1985, 12, 31, 2026, 1, 1, 40)]
    [InlineData(1985, 1, 1, 2025, 12, 31, 40)]
    [InlineData(2026, 6, 15, 2026, 6, 15, 0)] // born today
    [InlineData(2000, 2, 29, 2024, 2, 28, 23)]
    [InlineData(2000, 2, 29, 2024, 2, 29, 24)]
    [InlineData(2000, 2, 29, 2025, 3, 1, 25)]
    public void AgeOn_counts_completed_years(int by, int bm, int bd, int oy, int om, int od, int expected)
    {
        var birth = new DateOnly(by, bm, bd);
        var on = new DateOnly(oy, om, od);
        var id = Valid(IdNumbers.Make("440106", birth, 123), on);

        Assert.Equal(expected, id.AgeOn(on));
        Assert.Equal(IndependentAge(birth, on), id.AgeOn(on));
    }

    [Fact]
    public void AgeOn_agrees_with_an_independent_count_over_many_days()
    {
        var birth = new DateOnly(1996, 2, 29);
        var id = Valid(IdNumbers.Make("440106", birth, 123));
        for (var day = birth; day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            if (day.Month == 2 && day.Day == 28) continue; // the only day conventions differ on for a leap-day birth
            Assert.Equal(IndependentAge(birth, day), id.AgeOn(day));
        }
    }

    /// <summary>Completed years: the (month, day) pair has been reached this year.</summary>
    private static int IndependentAge(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day)) years--;
        return years;
    }

    private static string FindNumberEndingInX(string division, DateOnly birth)
    {
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            var text = IdNumbers.Make(division, birth, sequence);
            if (text[17] == 'X') return text;
        }
        throw new InvalidOperationException("no sequence gives X");
    }
}
