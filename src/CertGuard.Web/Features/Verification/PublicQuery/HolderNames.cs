using System.Security.Cryptography;
using System.Text;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// Names as people type them: with stray or full-width spaces, full-width letters, and whichever middle dot their
/// keyboard offers in a minority name (阿卜杜·热合曼, 阿卜杜•热合曼, 阿卜杜‧热合曼 are one name).
/// </summary>
public static class HolderNames
{
    public const int MaxLength = 64;

    // The separators input methods produce for the middle dot of transcribed names.
    private const string MiddleDots = "\u00B7\u2022\u2027\u30FB\uFF65\u2219\u22C5\u0387\u2E31\u16EB";

    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        // NFKC turns full-width letters and digits and the ideographic space into their plain forms.
        var text = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF') continue;
            builder.Append(MiddleDots.Contains(c) ? '\u00B7' : char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>
    /// Compares in time that does not depend on where the names differ, so a wrong guess does not tell how close it
    /// came.
    /// </summary>
    public static bool Match(string registered, string normalizedAsked) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(registered))),
            SHA256.HashData(Encoding.UTF8.GetBytes(normalizedAsked)));
}
