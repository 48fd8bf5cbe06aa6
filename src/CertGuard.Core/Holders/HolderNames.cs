using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertGuard.Core.Holders;

/// <summary>
/// The one rule for a holder's name, used by every channel that compares or accepts one: the public query, the QR
/// check, the roster check and its reminders, the check at review, issue, import and the exchange push.
/// <para>
/// Comparing (docs/public-query.md, "Names"): NFKC (full-width letters and spaces become plain), every space and
/// zero-width character dropped, Latin letters compared without case, and the middle dot of transcribed names
/// (艾力·买买提) not significant: every form of it in <see cref="Dots"/> is dropped, so 艾力·买买提, 艾力.买买提,
/// 艾力∙买买提 and 艾力买买提 are one name. Registers and card printers differ on the dot, and holders and employers type
/// whatever their keyboard gives; the name only guards a number that is already the holder's, so a dot is never what
/// tells two people apart. Compared in fixed time over SHA-256 digests, so a guess does not learn how close it came.
/// </para>
/// <para>
/// Accepting (<see cref="Problem"/>): letters of any script (Han, Latin, Uyghur …) with their combining marks, the
/// dots and spaces; nothing else (no digits, symbols, control, format or bidirectional characters), at most
/// <see cref="MaxLength"/> characters.
/// </para>
/// </summary>
public static class HolderNames
{
    public const int MaxLength = 64;

    /// <summary>
    /// The middle dot and the characters keyboards and input methods put in its place, as they are after NFKC
    /// (which already folds U+0387 into ·, full-width ． and one-dot leader ․ into ".", and half-width ･ into ・):
    /// . · • ‧ ∙ ⋅ ・ ⸱ ᛫ 。 (the Chinese IME's full stop on the "." key). Not ● or other shapes: they are not a dot
    /// of a name, and a name holding one is refused where names are accepted.
    /// </summary>
    public const string Dots = ".\u00B7\u2022\u2027\u2219\u22C5\u30FB\u2E31\u16EB\u3002";

    /// <summary>The comparable form of a name: NFKC, no spaces or dots, Latin letters in upper case.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var text = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || Dots.Contains(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>What an asked name is compared through: the digest of its normal form, computed once per query.</summary>
    public static byte[] Key(string? name) => SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(name)));

    /// <summary>Whether a registered name is the name asked (<see cref="Key"/>), in time that does not depend on where they differ.</summary>
    public static bool Matches(string? registered, byte[] askedKey) => CryptographicOperations.FixedTimeEquals(Key(registered), askedKey);

    /// <summary>Whether two names are one name under this rule.</summary>
    public static bool Same(string? registered, string? asked) => Matches(registered, Key(asked));

    /// <summary>
    /// Why a name cannot be accepted (a refusal code, see <c>tools/refusal-messages.tsv</c>), or null when it can:
    /// empty, too long, or holding a character that is not a letter, a combining mark, a dot or a space.
    /// </summary>
    public static string? Problem(string? name)
    {
        var text = name?.Trim() ?? "";
        if (text.Length == 0) return "HOLDER-NAME-REQUIRED";
        if (text.Length > MaxLength) return "HOLDER-NAME-TOO-LONG";
        var letters = 0;
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetter(c)) letters++;
            else if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            else if (category == UnicodeCategory.SpaceSeparator || Dots.Contains(c) || IsFoldedDot(c)) continue;
            else return "HOLDER-NAME-CHARACTERS";
        }
        return letters == 0 ? "HOLDER-NAME-CHARACTERS" : null;
    }

    /// <summary>Throws the refusal of <see cref="Problem"/>, if any.</summary>
    public static void Require(string? name)
    {
        switch (Problem(name))
        {
            case "HOLDER-NAME-REQUIRED": throw Refusal.Invalid("HOLDER-NAME-REQUIRED");
            case "HOLDER-NAME-TOO-LONG": throw Refusal.Invalid("HOLDER-NAME-TOO-LONG", ("max", MaxLength));
            case not null: throw Refusal.Invalid("HOLDER-NAME-CHARACTERS");
        }
    }

    // Dots that NFKC folds into one of Dots (full-width ．, half-width ･ and ｡, Greek ano teleia, one-dot leader).
    private static bool IsFoldedDot(char c) => c is '\uFF0E' or '\uFF65' or '\uFF61' or '\u0387' or '\u2024';
}
