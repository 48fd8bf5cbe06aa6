using System.Globalization;

namespace CertGuard.Core.WebWatch;

/// <summary>
/// A host name split into subdomain, label and public suffix, with the few suffix facts web watch needs: which
/// multi-part Chinese suffixes exist and which of them outsiders cannot register (.gov.cn, .edu.cn, .mil.cn).
/// </summary>
public sealed record DomainName(string Subdomain, string Label, string Suffix)
{
    /// <summary>Second-level suffixes under .cn (CNNIC) and the usual multi-part ones; enough for look-alikes of Chinese sites.</summary>
    public static readonly IReadOnlySet<string> MultiPartSuffixes = new HashSet<string>(StringComparer.Ordinal)
    {
        "gov.cn", "com.cn", "net.cn", "org.cn", "edu.cn", "ac.cn", "mil.cn", "gd.cn", "bj.cn", "sh.cn",
        "com.hk", "com.tw", "co.uk", "com.au",
    };

    /// <summary>Suffixes reserved to government, education and the military: a name under them is not registrable by outsiders.</summary>
    public static readonly IReadOnlySet<string> RestrictedSuffixes = new HashSet<string>(StringComparer.Ordinal) { "gov.cn", "edu.cn", "mil.cn", "gov", "mil", "edu" };

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public string Host => string.Join('.', new[] { Subdomain, Label, Suffix }.Where(p => p.Length > 0));

    /// <summary>The name a registrar sells: label plus suffix.</summary>
    public string Registered => $"{Label}.{Suffix}";

    public bool Registrable => !RestrictedSuffixes.Contains(Suffix) && !RestrictedSuffixes.Any(r => Suffix.EndsWith("." + r, StringComparison.Ordinal));

    /// <summary>Parses a host name, a URL or a Unicode (IDN) name; null when it is not a usable host name.</summary>
    public static DomainName? Parse(string? text)
    {
        var host = Normalise(text);
        if (host is null) return null;
        var parts = host.Split('.');
        if (parts.Length < 2) return null;
        var two = parts.Length >= 3 ? $"{parts[^2]}.{parts[^1]}" : null;
        var suffixParts = two is not null && MultiPartSuffixes.Contains(two) ? 2 : 1;
        if (parts.Length <= suffixParts) return null;
        var suffix = string.Join('.', parts[^suffixParts..]);
        var label = parts[^(suffixParts + 1)];
        var sub = string.Join('.', parts[..^(suffixParts + 1)]);
        return new DomainName(sub, label, suffix);
    }

    /// <summary>Lower-case ASCII (punycode) host of a name or URL, or null.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        if (s.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(s, UriKind.Absolute, out var uri)) return null;
            s = uri.Host;
        }
        s = s.Split('/', '?', '#')[0].Split(':')[0].TrimEnd('.').ToLowerInvariant();
        if (s.StartsWith("www.", StringComparison.Ordinal) && s.Count(c => c == '.') >= 2) s = s[4..];
        return ToAscii(s);
    }

    /// <summary>The ASCII form (punycode for IDN labels) of a host, or null when it is not a valid host name.</summary>
    public static string? ToAscii(string host)
    {
        if (host.Length is 0 or > 253) return null;
        try
        {
            var ascii = Idn.GetAscii(host);
            return ascii.Split('.').All(l => l.Length is > 0 and <= 63) ? ascii : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string ToUnicode(string ascii)
    {
        try
        {
            return Idn.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return ascii;
        }
    }
}
