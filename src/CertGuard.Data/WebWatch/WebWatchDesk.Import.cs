using System.Text;
using System.Text.Json;
using CertGuard.Core;
using CertGuard.Core.WebWatch;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.WebWatch;

/// <summary>Bulk discovery: certificate-transparency and newly-registered-domain files scored by the suspicion table.</summary>
public sealed partial class WebWatchDesk
{
    /// <summary>Imports a CT or newly-registered-domains file (JSON lines or CSV); names scoring at or above the threshold become suspects.</summary>
    public async Task<ImportResult> ImportAsync(Stream file, string format, string source, string? regionCode, CancellationToken ct)
    {
        RequireActor();
        if (source is not (SuspectSources.CertificateTransparency or SuspectSources.NewDomains)) throw Refusal.Invalid("WEBWATCH-IMPORT-SOURCE", ("source", source));
        var region = RegionFor(regionCode);
        var table = Options.SuspicionTable();
        int read = 0, invalid = 0;
        var hits = new Dictionary<string, (int Score, IReadOnlyList<string> Matched)>(StringComparer.Ordinal);
        using var reader = new StreamReader(file, Encoding.UTF8);
        string? line;
        var first = true;
        while ((line = await reader.ReadLineAsync(ct)) is not null)
        {
            if (line.Trim().Length == 0) continue;
            var names = format switch
            {
                "jsonl" or "json" => NamesFromJson(line),
                "csv" => NamesFromCsv(line, first),
                _ => throw Refusal.Invalid("WEBWATCH-IMPORT-FORMAT", ("format", format)),
            };
            first = false;
            if (names is null) { invalid++; continue; }
            foreach (var raw in names)
            {
                read++;
                var host = DomainName.Normalise(raw.TrimStart('*', '.'));
                if (host is null) { invalid++; continue; }
                var (score, matched) = table.Score(host);
                if (score >= Options.SuspicionThreshold && !hits.ContainsKey(host)) hits[host] = (score, matched);
            }
        }
        var known = await db.Suspects.IgnoreQueryFilters([ScopeFilters.Region]).Where(s => s.RegionCode == region && hits.Keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        var now = clock.GetUtcNow();
        var result = new List<ImportedName>();
        foreach (var (host, (score, matched)) in hits.OrderByDescending(h => h.Value.Score))
        {
            if (known.TryGetValue(host, out var old)) { result.Add(new(host, score, matched, old.Id, true)); continue; }
            var suspect = new Suspect(region, SuspectKind.Website, host, $"http://{host}/", source, score, actor.Name, now) { Note = string.Join(", ", matched) };
            db.Suspects.Add(suspect);
            result.Add(new(host, score, matched, suspect.Id, false));
        }
        await db.SaveChangesAsync(ct);
        return new(read, invalid, result.Count(r => !r.Existing), result.Count(r => r.Existing), result);
    }

    private static IEnumerable<string>? NamesFromJson(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.String) return [root.GetString()!];
            var names = new List<string>();
            foreach (var field in new[] { "domain", "name", "common_name", "cn" })
                if (root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String) names.Add(v.GetString()!);
            foreach (var field in new[] { "all_domains", "domains", "san", "dns_names" })
                if (root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Array) names.AddRange(v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            // certstream's shape: {"data":{"leaf_cert":{"all_domains":[…]}}}
            if (root.TryGetProperty("data", out var data) && data.TryGetProperty("leaf_cert", out var leaf) && leaf.TryGetProperty("all_domains", out var all) && all.ValueKind == JsonValueKind.Array)
                names.AddRange(all.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            return names.Count > 0 ? names.Distinct() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // First column is the name; a header row (domain, name …) is skipped.
    private static IEnumerable<string>? NamesFromCsv(string line, bool first)
    {
        var cell = line.Split(',', ';', '\t')[0].Trim().Trim('"');
        if (first && cell.ToLowerInvariant() is "domain" or "name" or "domain_name" or "域名") return [];
        return cell.Length > 0 ? [cell] : null;
    }
}
