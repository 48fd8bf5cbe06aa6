namespace CertGuard.Core.WebWatch;

/// <summary>
/// One look-alike of an official name: <see cref="Domain"/> in ASCII (punycode), <see cref="Unicode"/> as a person
/// reads it, the <see cref="Fuzzer"/> that made it, whether outsiders can register it, and a 0–100 risk score.
/// </summary>
public sealed record Lookalike(string Domain, string Unicode, string Fuzzer, bool Registrable, int Score);

/// <summary>The generators' names, as the API and the benchmark report them (dnstwist's names where it has one).</summary>
public static class Fuzzers
{
    public const string Addition = "addition";
    public const string Bitsquatting = "bitsquatting";
    public const string Cyrillic = "cyrillic";
    public const string Homoglyph = "homoglyph";
    public const string Hyphenation = "hyphenation";
    public const string Insertion = "insertion";
    public const string Omission = "omission";
    public const string Plural = "plural";
    public const string Repetition = "repetition";
    public const string Replacement = "replacement";
    public const string Subdomain = "subdomain";
    public const string Transposition = "transposition";
    public const string VowelSwap = "vowel-swap";
    public const string Various = "various";
    public const string TldSwap = "tld-swap";
    public const string Dictionary = "dictionary";

    /// <summary>A .gov.cn name made registrable: dots dropped or hyphenated, "gov"/"gov-cn" moved into the label.</summary>
    public const string GovForm = "gov-form";

    /// <summary>The official label (and subdomain) on another registrable suffix.</summary>
    public const string OtherSuffix = "other-suffix";

    /// <summary>Pinyin and abbreviations of the subject (tzzy, czz, chaxun …), alone, combined, and with the official label.</summary>
    public const string Pinyin = "pinyin";

    /// <summary>The registrable risk weight of each generator: names that read as the official site score highest.</summary>
    public static readonly IReadOnlyDictionary<string, int> Weight = new Dictionary<string, int>
    {
        [GovForm] = 95, [OtherSuffix] = 88, [Pinyin] = 82, [Cyrillic] = 80, [Homoglyph] = 78, [TldSwap] = 72,
        [Hyphenation] = 66, [Various] = 64, [Dictionary] = 62, [Transposition] = 58, [VowelSwap] = 56, [Omission] = 55,
        [Repetition] = 55, [Replacement] = 54, [Insertion] = 52, [Addition] = 50, [Plural] = 50, [Bitsquatting] = 45,
        [Subdomain] = 40,
    };
}
