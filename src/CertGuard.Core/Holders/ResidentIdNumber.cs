using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CertGuard.Core.Regions;

namespace CertGuard.Core.Holders;

/// <summary>
/// A resident ID number (公民身份号码, GB 11643-1999): 6-digit division of household registration, 8-digit birth
/// date, 3-digit sequence (odd male, even female) and a MOD 11-2 check character.
/// </summary>
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public string DivisionCode => Value[..6];

    public string ProvinceCode => Value[..2];

    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The form public pages show: <c>4401**********123X</c>.</summary>
    public string Masked => Mask(Value);

    public override string ToString() => Value;

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }

    public static string Mask(string value) =>
        value.Length <= 8 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));

    public static ResidentIdNumber Parse(string? text, DateOnly today) =>
        TryParse(text, today, out var id, out var error) ? id : throw error.ToRefusal();

    /// <param name="today">The date (UTC+8) the birth date must not be after.</param>
    public static bool TryParse(string? text, DateOnly today, out ResidentIdNumber id, [NotNullWhen(false)] out IdNumberError? error)
    {
        id = default;
        var value = Normalize(text);
        error = Check(value, today, out var birthDate);
        if (error is not null) return false;
        id = new ResidentIdNumber(value, birthDate);
        return true;
    }

    /// <summary>Trims, turns full-width digits and letters into ASCII and upper-cases the check character.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        foreach (var raw in text.AsSpan().Trim())
        {
            if (n == buffer.Length) return text.Trim();
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw; // full-width ASCII block
            buffer[n++] = c == 'x' ? 'X' : c;
        }
        return new string(buffer[..n]);
    }

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    private static IdNumberError? Check(string value, DateOnly today, out DateOnly birthDate)
    {
        birthDate = default;
        if (value.Length == 0) return IdNumberError.Empty;
        if (value.Length == 15 && value.All(char.IsAsciiDigit)) return IdNumberError.Legacy15;
        if (value.Length != 18) return IdNumberError.WrongLength;
        if (value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
            return IdNumberError.BadCharacters;
        if (!ProvinceCodes.IsValid(value[..2])) return IdNumberError.UnknownProvince;
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate < EarliestBirthDate)
            return IdNumberError.BadBirthDate;
        if (birthDate > today) return IdNumberError.FutureBirthDate;
        if (ComputeCheckCharacter(value) != value[17]) return IdNumberError.CheckCharacter;
        return null;
    }
}
