namespace CertGuard.Core.Organisations;

/// <summary>统一社会信用代码 (GB 32100-2015): 17 characters and a MOD 31 check character.</summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18) return false;
        foreach (var c in code)
            if (!Alphabet.Contains(c, StringComparison.Ordinal)) return false;
        return CheckCharacter(code.AsSpan(0, 17)) == code[17];
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The characters a code may contain.</summary>
    public static ReadOnlySpan<char> Characters => Alphabet;
}
