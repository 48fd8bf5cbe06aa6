namespace CertGuard.Core.WebWatch;

/// <summary>
/// Scores a name seen in a certificate-transparency feed or a newly-registered-domains list, the way
/// phishing_catcher does: weighted keywords found anywhere in the name, a weight for its suffix, a little for many
/// hyphens or deep subdomains, and much for a .gov.cn label on a suffix anyone can register. The table is data
/// (configuration <c>WebWatch:Suspicion</c>), edited by the province office as fakes change their words.
/// </summary>
public sealed class SuspicionTable
{
    /// <summary>Keywords of fakes (enforcement.md "Words fakes use", in pinyin) and the official names.</summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultKeywords = new Dictionary<string, int>
    {
        ["tezhongzuoye"] = 70, ["tzzy"] = 55, ["caozuozheng"] = 60, ["czz"] = 25, ["chaxun"] = 35, ["zhengshu"] = 35,
        ["banzheng"] = 60, ["mianka"] = 50, ["baoguo"] = 50, ["daikao"] = 50, ["diangongzheng"] = 55, ["hangongzheng"] = 55,
        ["gaochu"] = 30, ["yingji"] = 35, ["yjgl"] = 40, ["anquan"] = 20, ["mem"] = 30, ["gov"] = 30, ["cx"] = 10,
        ["kaoshi"] = 20, ["zhengjian"] = 30, ["tzzyz"] = 60,
    };

    public static readonly IReadOnlyDictionary<string, int> DefaultSuffixes = new Dictionary<string, int>
    {
        ["top"] = 20, ["xyz"] = 20, ["cc"] = 15, ["vip"] = 15, ["icu"] = 15, ["site"] = 10, ["online"] = 10, ["wang"] = 10,
        ["cn"] = 5, ["com.cn"] = 5, ["com"] = 5, ["net"] = 5,
    };

    public SuspicionTable(IReadOnlyDictionary<string, int> keywords, IReadOnlyDictionary<string, int> suffixes)
    {
        Keywords = keywords;
        Suffixes = suffixes;
    }

    public static SuspicionTable Default { get; } = new(DefaultKeywords, DefaultSuffixes);

    public IReadOnlyDictionary<string, int> Keywords { get; }

    public IReadOnlyDictionary<string, int> Suffixes { get; }

    /// <summary>The score of a host name (0 for a name that is not one) and the words that made it.</summary>
    public (int Score, IReadOnlyList<string> Matched) Score(string host)
    {
        var name = DomainName.Parse(host);
        if (name is null) return (0, []);
        if (!name.Registrable) return (0, []);   // the real government zone: not a fake
        var text = name.Host;
        var matched = new List<string>();
        var score = 0;
        // Longest keywords first; a shorter one inside a matched longer one (tzzy in tzzyz) does not count again.
        var covered = new bool[text.Length];
        foreach (var (word, weight) in Keywords.OrderByDescending(k => k.Key.Length))
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0 && covered[at]) at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
            if (at < 0) continue;
            for (var i = at; i < at + word.Length; i++) covered[i] = true;
            score += weight;
            matched.Add(word);
        }
        if (Suffixes.TryGetValue(name.Suffix, out var s)) score += s;
        score += 3 * name.Label.Count(c => c == '-');
        if (name.Subdomain.Count(c => c == '.') >= 2) score += 10;
        if (text.Contains("gov", StringComparison.Ordinal) && text.Contains("cn", StringComparison.Ordinal)) score += 15;
        return (Math.Min(100, score), matched);
    }
}
