using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace CertGuard.Core.WebWatch;

/// <summary>
/// Fuzzy hashes that say "this page copies that one" whatever its name: a 64-bit SimHash (Charikar 2002) of an
/// HTML page's shingles — its tag structure with classes and ids, and its visible text as character bigrams, so
/// Chinese text counts — and a 64-bit difference hash (dHash) of a screenshot's 9×8 grey thumbnail. Both compare by
/// Hamming distance; <see cref="Similarity"/> maps 0 differing bits to 100 and 32 (what unrelated inputs give) or
/// more to 0. No maintained .NET package of ssdeep or TLSH is served; these are small, known and documented in
/// docs/webwatch.md.
/// </summary>
public static partial class ContentHashes
{
    public static ulong SimHash(string html)
    {
        var weights = new int[64];
        foreach (var (feature, weight) in Features(html))
        {
            var h = Fnv1a64(feature);
            for (var bit = 0; bit < 64; bit++) weights[bit] += ((h >> bit) & 1) == 1 ? weight : -weight;
        }
        ulong result = 0;
        for (var bit = 0; bit < 64; bit++) if (weights[bit] > 0) result |= 1UL << bit;
        return result;
    }

    /// <summary>The dHash of a grey image (row-major, one byte a pixel): each of 8 rows of a 9×8 box-sampled thumbnail, is a pixel brighter than its right neighbour.</summary>
    public static ulong DifferenceHash(int width, int height, ReadOnlySpan<byte> grey)
    {
        if (width < 9 || height < 8 || grey.Length < width * height) return 0;
        Span<double> thumb = stackalloc double[72];
        for (var ty = 0; ty < 8; ty++)
        {
            for (var tx = 0; tx < 9; tx++)
            {
                int x0 = tx * width / 9, x1 = (tx + 1) * width / 9, y0 = ty * height / 8, y1 = (ty + 1) * height / 8;
                double sum = 0;
                for (var y = y0; y < y1; y++) for (var x = x0; x < x1; x++) sum += grey[y * width + x];
                thumb[ty * 9 + tx] = sum / Math.Max(1, (x1 - x0) * (y1 - y0));
            }
        }
        ulong hash = 0;
        for (var y = 0; y < 8; y++) for (var x = 0; x < 8; x++) if (thumb[y * 9 + x] > thumb[y * 9 + x + 1]) hash |= 1UL << (y * 8 + x);
        return hash;
    }

    /// <summary>0–100: 100 for equal hashes, 0 at 32 differing bits or more.</summary>
    public static int Similarity(ulong a, ulong b)
    {
        var distance = BitOperations.PopCount(a ^ b);
        return Math.Max(0, (int)Math.Round(100.0 * (32 - distance) / 32));
    }

    public static string Hex(ulong hash) => hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static ulong ParseHex(string hex) => ulong.Parse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    // Layout counts three times a text bigram: fakes copy the official structure and change the words (contacts, slogans).
    private static IEnumerable<(string Feature, int Weight)> Features(string html)
    {
        foreach (Match m in TagPattern().Matches(html))
        {
            var tag = m.Groups[1].Value.ToLowerInvariant();
            if (tag is "script" or "style") continue;
            var attrs = m.Groups[2].Value;
            var cls = ClassPattern().Match(attrs);
            yield return ("<" + tag + (cls.Success ? "." + cls.Groups[2].Value.Trim() : ""), 3);
        }
        var text = WhitespacePattern().Replace(AnyTagPattern().Replace(ScriptPattern().Replace(html, " "), " "), " ");
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsWhiteSpace(text[i + 1])) continue;
            yield return (text.Substring(i, 2), 1);
        }
    }

    private static ulong Fnv1a64(string s)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        // FNV's low bits mix poorly for short inputs; a final avalanche (splitmix64) spreads them over all 64 bits.
        hash ^= hash >> 30; hash *= 0xbf58476d1ce4e5b9UL; hash ^= hash >> 27; hash *= 0x94d049bb133111ebUL; hash ^= hash >> 31;
        return hash;
    }

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(class|id)\s*=\s*[""']([^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
