using System.Globalization;

namespace CertGuard.Core.Tests.Support;

/// <summary>
/// An implementation of the GB 11643-1999 check character written for the tests, independent of the core:
/// the weight of position i (1..18) is 2^(18-i) mod 11, and the check value c makes the weighted sum of all 18
/// characters congruent to 1 mod 11 (c = 10 is written X).
/// </summary>
public static class IdNumbers
{
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 digits expected.", nameof(first17));
        var sum = 0;
        var weight = 1 << 17; // 2^(18-1) for position 1
        foreach (var digit in first17)
        {
            sum += (digit - '0') * (weight % 11);
            weight /= 2;
        }
        var check = ((1 - (sum % 11)) % 11 + 11) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    public static string Complete(string first17) => first17 + CheckCharacter(first17);

    public static string Make(string division, DateOnly birth, int sequence) =>
        Complete(division + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture));

    /// <summary>The same number with a check character that is wrong.</summary>
    public static string WithWrongCheck(string id)
    {
        const string all = "0123456789X";
        var wrong = all[(all.IndexOf(id[17], StringComparison.Ordinal) + 1) % all.Length];
        return id[..17] + wrong;
    }
}
