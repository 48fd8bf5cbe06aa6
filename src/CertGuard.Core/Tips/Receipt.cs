using System.Security.Cryptography;

namespace CertGuard.Core.Tips;

/// <summary>
/// The reporter's receipt (回执码): 16 random decimal digits, the only credential of a tip and part of its key. The
/// first <see cref="LookupDigits"/> digits find the tip (through a keyed hash); the whole receipt is checked slowly.
/// </summary>
public static class Receipt
{
    public const int Digits = 16;
    public const int LookupDigits = 8;

    public static string New()
    {
        Span<char> digits = stackalloc char[Digits];
        for (var i = 0; i < Digits; i++) digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return new string(digits);
    }

    /// <summary>The receipt without spaces or dashes, or null when it is not 16 digits.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return null;
        var bare = new string(text.Where(c => c is not (' ' or '-' or '\u3000')).ToArray());
        return bare.Length == Digits && bare.All(char.IsAsciiDigit) ? bare : null;
    }

    /// <summary>Grouped for reading out and writing down: 1234 5678 9012 3456.</summary>
    public static string Grouped(string receipt) =>
        string.Join(' ', Enumerable.Range(0, receipt.Length / 4).Select(i => receipt.Substring(i * 4, 4)));
}
