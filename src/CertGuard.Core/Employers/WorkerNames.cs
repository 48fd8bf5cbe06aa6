using System.Text;

namespace CertGuard.Core.Employers;

/// <summary>
/// Names as rosters write them compared with the registry's: spaces (also full-width ones) do not count, and the
/// separator of transliterated names (艾力·买买提) may be any of the dots keyboards produce.
/// </summary>
public static class WorkerNames
{
    public const int MaxLength = 64;

    public static string Normalise(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c)) continue;
            builder.Append(c is '•' or '・' or '‧' or '．' or '.' or '·' ? '·' : c);
        }
        return builder.ToString();
    }

    public static bool Same(string? a, string? b) => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);
}
