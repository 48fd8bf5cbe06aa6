using System.Text;

namespace CertGuard.Core.WebWatch;

/// <summary>
/// Makes the look-alikes of an official domain: the classic typo-squatting generators (the set dnstwist popularised,
/// written afresh here) plus what they miss for Chinese government names — the registrable forms of a .gov.cn name
/// and pinyin words of the subject. Every candidate says whether outsiders can register it: a name under .gov.cn
/// cannot be, so such permutations are kept (they show what a phishing link may look like) but score low.
/// </summary>
public static class LookalikeGenerator
{
    /// <summary>Suffixes fakes were seen on (the notice's examples) and the common cheap ones.</summary>
    public static readonly IReadOnlyList<string> RegistrableSuffixes =
        ["com", "cn", "net", "com.cn", "net.cn", "org.cn", "org", "top", "xyz", "cc", "vip", "site", "online", "info", "shop", "wang", "ltd", "icu", "club", "cloud", "co", "me", "hk"];

    /// <summary>The subject in pinyin and abbreviations (特种作业, 操作证, 查询, 证书, 安全, 应急, 应急管理, 广东).</summary>
    public static readonly IReadOnlyList<string> SubjectWords =
        ["tezhongzuoye", "tzzy", "tzzyz", "caozuozheng", "czz", "chaxun", "cx", "zhengshu", "anquan", "yingji", "yjgl", "guangdong", "gd"];

    /// <summary>English words phishing names add (dnstwist's dictionary idea, our own short list).</summary>
    public static readonly IReadOnlyList<string> DictionaryWords = ["query", "search", "check", "verify", "cert", "login", "official", "online", "gov", "portal", "service", "www"];

    // The QWERTY neighbours of each key (letters and digits), for replacement and insertion.
    private static readonly Dictionary<char, string> Keyboard = new()
    {
        ['1'] = "2q", ['2'] = "3wq1", ['3'] = "4ew2", ['4'] = "5re3", ['5'] = "6tr4", ['6'] = "7yt5", ['7'] = "8uy6", ['8'] = "9iu7", ['9'] = "0oi8", ['0'] = "po9",
        ['q'] = "12wa", ['w'] = "3esaq2", ['e'] = "4rdsw3", ['r'] = "5tfde4", ['t'] = "6ygfr5", ['y'] = "7uhgt6", ['u'] = "8ijhy7", ['i'] = "9okju8", ['o'] = "0plki9", ['p'] = "lo0",
        ['a'] = "qwsz", ['s'] = "edxzaw", ['d'] = "rfcxse", ['f'] = "tgvcdr", ['g'] = "yhbvft", ['h'] = "ujnbgy", ['j'] = "ikmnhu", ['k'] = "olmji", ['l'] = "kop",
        ['z'] = "asx", ['x'] = "zsdc", ['c'] = "xdfv", ['v'] = "cfgb", ['b'] = "vghn", ['n'] = "bhjm", ['m'] = "njk",
    };

    // Letters and the strings that look like them: Latin diacritics, Cyrillic and Greek twins, and ASCII sequences (rn → m).
    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['a'] = ["à", "á", "â", "ã", "ä", "å", "ɑ", "а", "ạ", "ą"], ['b'] = ["d", "lb", "ʙ", "ь", "ḃ"], ['c'] = ["e", "ç", "ć", "с", "ċ"],
        ['d'] = ["b", "cl", "dl", "ԁ", "ď", "ḋ"], ['e'] = ["c", "é", "è", "ê", "ë", "е", "ē", "ė", "ę"], ['f'] = ["ƒ", "ḟ"],
        ['g'] = ["q", "ɢ", "ġ", "ğ", "ց"], ['h'] = ["lh", "һ", "ḥ", "ħ"], ['i'] = ["1", "l", "í", "ì", "ï", "і", "ı", "ɩ"],
        ['j'] = ["ј", "ʝ"], ['k'] = ["lk", "ik", "lc", "κ", "ķ"], ['l'] = ["1", "i", "ɫ", "ł", "ӏ"], ['m'] = ["n", "nn", "rn", "rr", "ṃ", "ṁ", "м"],
        ['n'] = ["m", "r", "ń", "ñ", "ņ", "п"], ['o'] = ["0", "ο", "о", "ö", "ó", "ò", "ọ", "ø"], ['p'] = ["ρ", "р", "ṗ"],
        ['q'] = ["g", "զ", "ԛ"], ['r'] = ["ʀ", "г", "ŕ", "ř"], ['s'] = ["ѕ", "ś", "ş", "ṡ"], ['t'] = ["τ", "ţ", "ť", "ṫ"],
        ['u'] = ["μ", "υ", "ü", "ú", "ù", "ս"], ['v'] = ["ѵ", "ν", "ṿ"], ['w'] = ["vv", "ѡ", "ẁ", "ŵ", "ԝ"], ['x'] = ["х", "ҳ", "ẋ"],
        ['y'] = ["ʏ", "γ", "у", "ý", "ÿ"], ['z'] = ["ʐ", "ż", "ź", "ᴢ"], ['0'] = ["o"], ['1'] = ["l", "i"],
    };

    // Cyrillic letters identical to Latin ones (a whole label in Cyrillic reads the same).
    private static readonly Dictionary<char, char> CyrillicTwin = new()
    {
        ['a'] = 'а', ['b'] = 'ь', ['c'] = 'с', ['d'] = 'ԁ', ['e'] = 'е', ['g'] = 'ԍ', ['h'] = 'һ', ['i'] = 'і', ['j'] = 'ј', ['k'] = 'к',
        ['l'] = 'ӏ', ['m'] = 'м', ['o'] = 'о', ['p'] = 'р', ['q'] = 'ԛ', ['s'] = 'ѕ', ['t'] = 'т', ['v'] = 'ѵ', ['w'] = 'ԝ', ['x'] = 'х', ['y'] = 'у',
    };

    private const string Vowels = "aeiou";

    /// <summary>Every look-alike of <paramref name="domain"/>, highest risk first; empty when it is not a domain name.</summary>
    public static IReadOnlyList<Lookalike> Generate(string domain)
    {
        var name = DomainName.Parse(domain);
        if (name is null) return [];
        var found = new Dictionary<string, Lookalike>(StringComparer.Ordinal);
        var original = name.Host;

        void Add(string fuzzer, string host)
        {
            var ascii = DomainName.ToAscii(host.ToLowerInvariant());
            if (ascii is null || ascii == original) return;
            var parsed = DomainName.Parse(ascii);
            if (parsed is null) return;
            var registrable = parsed.Registrable;
            var weight = Fuzzers.Weight[fuzzer];
            // A name outsiders cannot register is at most a link disguise, never a site they can run.
            var score = registrable ? weight : Math.Max(1, weight / 5);
            var candidate = new Lookalike(ascii, DomainName.ToUnicode(ascii), fuzzer, registrable, score);
            if (!found.TryGetValue(ascii, out var existing) || existing.Score < score) found[ascii] = candidate;
        }

        string Compose(string label) => string.Join('.', new[] { name.Subdomain, label, name.Suffix }.Where(p => p.Length > 0));

        foreach (var (fuzzer, label) in LabelPermutations(name.Label)) Add(fuzzer, Compose(label));
        foreach (var suffix in RegistrableSuffixes.Append("gov.cn").Distinct()) if (suffix != name.Suffix) Add(Fuzzers.TldSwap, string.Join('.', new[] { name.Subdomain, name.Label, suffix }.Where(p => p.Length > 0)));
        foreach (var word in DictionaryWords)
        {
            foreach (var label in new[] { name.Label + word, name.Label + "-" + word, word + name.Label, word + "-" + name.Label }) Add(Fuzzers.Dictionary, Compose(label));
        }
        Various(name, Add);
        ChineseForms(name, Add);

        // Equal scores: the shorter name first (closest to the official one).
        return [.. found.Values.OrderByDescending(c => c.Score).ThenBy(c => c.Domain.Length).ThenBy(c => c.Domain, StringComparer.Ordinal)];
    }

    /// <summary>The permutations of one label by the classic generators (the label stays on its own suffix).</summary>
    public static IEnumerable<(string Fuzzer, string Label)> LabelPermutations(string label)
    {
        for (var i = 0; i < label.Length; i++)
        {
            yield return (Fuzzers.Omission, label.Remove(i, 1));
            yield return (Fuzzers.Repetition, label.Insert(i, label[i].ToString()));
            if (i > 0) yield return (Fuzzers.Hyphenation, label.Insert(i, "-"));
            if (i > 0) yield return (Fuzzers.Subdomain, label.Insert(i, "."));
            if (i < label.Length - 1 && label[i] != label[i + 1])
                yield return (Fuzzers.Transposition, $"{label[..i]}{label[i + 1]}{label[i]}{label[(i + 2)..]}");
            if (Keyboard.TryGetValue(label[i], out var near))
            {
                foreach (var k in near)
                {
                    yield return (Fuzzers.Replacement, $"{label[..i]}{k}{label[(i + 1)..]}");
                    yield return (Fuzzers.Insertion, label.Insert(i, k.ToString()));
                    yield return (Fuzzers.Insertion, label.Insert(i + 1, k.ToString()));
                }
            }
            if (Vowels.Contains(label[i]))
            {
                foreach (var v in Vowels.Where(v => v != label[i])) yield return (Fuzzers.VowelSwap, $"{label[..i]}{v}{label[(i + 1)..]}");
            }
            if (Glyphs.TryGetValue(label[i], out var glyphs))
            {
                foreach (var g in glyphs) yield return (Fuzzers.Homoglyph, $"{label[..i]}{g}{label[(i + 1)..]}");
            }
            foreach (var flipped in BitFlips(label[i])) yield return (Fuzzers.Bitsquatting, $"{label[..i]}{flipped}{label[(i + 1)..]}");
        }
        // Two look-alike letters at once (both occurrences of a letter, as in "mеm" → "мем"): homoglyph pairs.
        for (var i = 0; i < label.Length; i++)
        {
            for (var j = i + 1; j < label.Length; j++)
            {
                if (!Glyphs.TryGetValue(label[i], out var gi) || !Glyphs.TryGetValue(label[j], out var gj)) continue;
                foreach (var a in gi.Take(4))
                {
                    foreach (var b in gj.Take(4)) yield return (Fuzzers.Homoglyph, $"{label[..i]}{a}{label[(i + 1)..j]}{b}{label[(j + 1)..]}");
                }
            }
        }
        for (var c = 'a'; c <= 'z'; c++) yield return (Fuzzers.Addition, label + c);
        for (var c = '0'; c <= '9'; c++) yield return (Fuzzers.Addition, label + c);
        yield return (Fuzzers.Plural, label + "s");
        yield return (Fuzzers.Plural, label + "es");
        var cyrillic = new StringBuilder();
        var changed = 0;
        foreach (var ch in label)
        {
            if (CyrillicTwin.TryGetValue(ch, out var twin)) { cyrillic.Append(twin); changed++; }
            else cyrillic.Append(ch);
        }
        if (changed > 0) yield return (Fuzzers.Cyrillic, cyrillic.ToString());
    }

    // One bit flipped, keeping a character a host name may hold (bit errors in memory turn a name into another).
    private static IEnumerable<char> BitFlips(char c)
    {
        for (var bit = 0; bit < 8; bit++)
        {
            var f = (char)(c ^ (1 << bit));
            if (f is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') yield return f;
        }
    }

    // The suffix pulled into the label (example.com → examplecom.com, example-com.com): dnstwist's "various".
    private static void Various(DomainName name, Action<string, string> add)
    {
        var flat = name.Suffix.Replace(".", "", StringComparison.Ordinal);
        var dashed = name.Suffix.Replace('.', '-');
        foreach (var s in new[] { "com", name.Suffix.Split('.')[^1] }.Distinct())
        {
            add(Fuzzers.Various, $"{name.Label}{flat}.{s}");
            add(Fuzzers.Various, $"{name.Label}-{dashed}.{s}");
        }
        if (name.Subdomain.Length > 0) add(Fuzzers.Various, $"{name.Subdomain.Replace('.', '-')}{name.Label}.{name.Suffix}");
    }

    /// <summary>
    /// What generic tools miss for a Chinese government name: the registrable forms of x.gov.cn (mem-gov.cn,
    /// memgov.com, mem-gov-cn.com), the subdomain joined to the label (cx-mem.cn), the label on other suffixes, and
    /// the subject's pinyin words alone, paired (tzzycx.com) and with the label.
    /// </summary>
    private static void ChineseForms(DomainName name, Action<string, string> add)
    {
        var label = name.Label;
        var subLabels = name.Subdomain.Length > 0 ? name.Subdomain.Split('.') : [];
        var sub = subLabels.Length > 0 ? subLabels[^1] : null;
        var suffixWords = name.Suffix.Split('.');          // gov.cn → gov, cn
        var stems = new List<(string Fuzzer, string Stem)> { (Fuzzers.OtherSuffix, label) };
        if (sub is not null) stems.Add((Fuzzers.OtherSuffix, $"{sub}-{label}"));
        if (sub is not null) stems.Add((Fuzzers.OtherSuffix, $"{sub}{label}"));
        if (sub is not null) stems.Add((Fuzzers.OtherSuffix, $"{label}-{sub}"));
        if (sub is not null) stems.Add((Fuzzers.OtherSuffix, $"{label}{sub}"));
        // The suffix's words moved into the label, hyphenated or joined, whole or in part: mem-gov, memgov, mem-gov-cn, memgovcn.
        for (var n = 1; n <= suffixWords.Length; n++)
        {
            var words = suffixWords[..n];
            foreach (var stem in new[] { label, sub is null ? null : $"{sub}-{label}", sub is null ? null : $"{sub}{label}" })
            {
                if (stem is null) continue;
                stems.Add((Fuzzers.GovForm, $"{stem}-{string.Join('-', words)}"));
                stems.Add((Fuzzers.GovForm, $"{stem}{string.Concat(words)}"));
                stems.Add((Fuzzers.GovForm, $"{string.Join('-', words)}-{stem}"));
            }
        }
        foreach (var (fuzzer, stem) in stems)
        {
            foreach (var suffix in RegistrableSuffixes) add(fuzzer, $"{stem}.{suffix}");
            if (sub is not null && fuzzer == Fuzzers.GovForm) add(fuzzer, $"{sub}.{stem}.cn");
        }
        foreach (var word in SubjectWords)
        {
            foreach (var suffix in RegistrableSuffixes.Take(9))
            {
                add(Fuzzers.Pinyin, $"{word}.{suffix}");
                add(Fuzzers.Pinyin, $"{label}{word}.{suffix}");
                add(Fuzzers.Pinyin, $"{label}-{word}.{suffix}");
                add(Fuzzers.Pinyin, $"{word}{label}.{suffix}");
                add(Fuzzers.Pinyin, $"{word}-{label}.{suffix}");
            }
            foreach (var other in SubjectWords)
            {
                if (other == word) continue;
                foreach (var suffix in RegistrableSuffixes.Take(9))
                {
                    add(Fuzzers.Pinyin, $"{word}{other}.{suffix}");
                    add(Fuzzers.Pinyin, $"{word}-{other}.{suffix}");
                }
            }
        }
    }
}
