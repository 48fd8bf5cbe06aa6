using System.Text.RegularExpressions;
using CertGuard.Core.Holders;

namespace CertGuard.Data.Audit;

/// <summary>
/// Masks resident ID numbers (<c>4401**********123X</c>) wherever they appear in an entry's snapshots: the log keeps
/// the full values (its hashes cover them), but nobody reads a full number out of it.
/// </summary>
public static partial class AuditRedaction
{
    public static string? Mask(string? text) =>
        text is null ? null : IdNumberPattern().Replace(text, m => ResidentIdNumber.Mask(m.Value));

    // 18 characters (17 digits and a digit or X) or the old 15 digits, standing alone: wider than a valid number on
    // purpose, a masked look-alike costs nothing.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumberPattern();
}
