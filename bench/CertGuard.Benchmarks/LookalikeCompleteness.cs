using CertGuard.Core.WebWatch;

/// <summary>
/// How many of another tool's permutations our generator also makes: reads a list of names (one a line, e.g.
/// `dnstwist -f list`), prints "covered total" and the first missing ones. Run by bench/lookalikes-vs-dnstwist.sh.
/// </summary>
internal static class LookalikeCompleteness
{
    public static void Run(string domain, string listFile)
    {
        var ours = LookalikeGenerator.Generate(domain).Select(c => c.Domain).ToHashSet(StringComparer.Ordinal);
        var theirs = File.ReadAllLines(listFile).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0)
            .Select(l => DomainName.ToAscii(l) ?? l).Where(l => l != DomainName.Normalise(domain)).Distinct().ToList();
        var missing = theirs.Where(t => !ours.Contains(t)).ToList();
        Console.WriteLine($"{theirs.Count - missing.Count} {theirs.Count} {ours.Count} {string.Join(' ', missing.Take(8))}");
    }
}
