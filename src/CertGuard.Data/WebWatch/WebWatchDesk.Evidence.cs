using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertGuard.Core;
using CertGuard.Core.Time;
using CertGuard.Core.WebWatch;
using Microsoft.EntityFrameworkCore;
using Capture = CertGuard.Core.WebWatch.Capture;

namespace CertGuard.Data.WebWatch;

/// <summary>Evidence: captures compared with the official page, the contacts and hosts that tie a ring into a cluster, and the evidence package.</summary>
public sealed partial class WebWatchDesk
{
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Captures the page now (a new record each time), compares it with the official page, and picks up contacts for the cluster.</summary>
    public async Task<CaptureSummary> CaptureAsync(Guid id, CancellationToken ct)
    {
        var suspect = await ForActionAsync(id, null, ct);
        var now = clock.GetUtcNow();
        var host = new Uri(suspect.Url).Host;
        var dns = await resolver.ResolveAsync(host, ct);
        var addresses = IPAddress.TryParse(host, out _) ? host : string.Join(", ", dns.Addresses);
        var page = await fetcher.FetchAsync(suspect.Url, ct);
        var capture = new Capture(suspect.Id, suspect.Url, now, actor.Name, addresses, page.Status, page.Headers, page.Html);
        var shot = page.Online ? await screenshots.TakeAsync(suspect.Url, ct) : new Screenshot(null, "未截图：网站无应答。No screenshot: the site did not answer.", null);
        capture.AttachScreenshot(shot.Png, shot.Missing, shot.PerceptualHash);
        var (officialHtml, officialScreen) = await official.FingerprintAsync(shot.PerceptualHash is not null, ct);
        int? htmlSimilarity = officialHtml is { } oh && page.Html.Length > 0 ? ContentHashes.Similarity(oh, ContentHashes.SimHash(page.Html)) : null;
        int? screenSimilarity = officialScreen is { } os && shot.PerceptualHash is { } ph ? ContentHashes.Similarity(os, ContentHashes.ParseHex(ph)) : null;
        capture.Compare(htmlSimilarity, screenSimilarity);
        db.Captures.Add(capture);
        suspect.HtmlSimilarity = htmlSimilarity ?? suspect.HtmlSimilarity;
        suspect.ScreenSimilarity = screenSimilarity ?? suspect.ScreenSimilarity;
        if (dns.Addresses.Count > 0) suspect.Addresses = Join(dns.Addresses.Union(Split(suspect.Addresses)));
        if (dns.NameServers.Count > 0) suspect.NameServers = Join(dns.NameServers);
        var contacts = ContactsIn(page.Html);
        if (contacts.Count > 0) suspect.Contacts = Join(Split(suspect.Contacts).Union(contacts));
        var match = Math.Max(htmlSimilarity ?? 0, screenSimilarity ?? 0);
        if (match >= Options.ContentMatchThreshold) suspect.RaiseScore(Math.Max(90, match), now);
        suspect.Touch(now);
        await ClusterAsync(suspect, ct);
        db.AddAuditEntry("capture", nameof(Capture), capture.Id.ToString(),
            $"suspect {suspect.Id} {suspect.Url} html {capture.HtmlSha256} headers {capture.HeadersSha256} addresses {capture.AddressesSha256} screenshot {capture.ScreenshotSha256 ?? "missing"}");
        await db.SaveChangesAsync(ct);
        return new(capture.Id, capture.Url, capture.CapturedAt, capture.CapturedBy, capture.StatusCode, capture.Addresses, capture.HtmlSha256, capture.HeadersSha256,
            capture.AddressesSha256, capture.ScreenshotSha256, capture.ScreenshotMissing, capture.HtmlFuzzyHash, capture.ScreenshotHash, capture.HtmlSimilarity, capture.ScreenSimilarity);
    }

    /// <summary>The evidence package of a suspect: every capture's files, a manifest of their SHA-256, and a printable capture record.</summary>
    public async Task<(byte[] Zip, string FileName)> PackageAsync(Guid id, CancellationToken ct)
    {
        var detail = await GetAsync(id, ct);
        var captures = await db.Captures.AsNoTracking().Where(c => c.SuspectId == id).OrderBy(c => c.CapturedAt).ToListAsync(ct);
        if (captures.Count == 0) throw Refusal.Conflict("WEBWATCH-NO-CAPTURE");
        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var (c, i) in captures.Select((c, i) => (c, i + 1)))
        {
            var folder = $"capture-{i:00}-{ChinaTime.ToChina(c.CapturedAt):yyyyMMdd-HHmmss}";
            files.Add(($"{folder}/page.html", Encoding.UTF8.GetBytes(c.Html)));
            files.Add(($"{folder}/headers.txt", Encoding.UTF8.GetBytes(c.Headers)));
            files.Add(($"{folder}/addresses.txt", Encoding.UTF8.GetBytes(c.Addresses)));
            if (c.Screenshot is { } png) files.Add(($"{folder}/screenshot.png", png));
        }
        var record = Encoding.UTF8.GetBytes(CaptureRecord.Html(detail.Suspect, detail.Referrals, captures, actor.Name, clock.GetUtcNow()));
        files.Add(("capture-record.html", record));
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            suspect = detail.Suspect.Id, url = detail.Suspect.Url, packagedAt = ChinaTime.ToChina(clock.GetUtcNow()), packagedBy = actor.Name,
            files = files.Select(f => new { name = f.Name, sha256 = Capture.Sha256(f.Bytes), bytes = f.Bytes.Length }),
            captures = captures.Select(c => new { c.Id, c.Url, capturedAt = ChinaTime.ToChina(c.CapturedAt), c.CapturedBy, c.HtmlSha256, c.HeadersSha256, c.AddressesSha256, c.ScreenshotSha256, c.ScreenshotMissing }),
        }, ManifestJson);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files.Append(("manifest.json", manifest)))
            {
                await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
                await entry.WriteAsync(bytes, ct);
            }
        }
        db.AddAuditEntry("evidence-package", nameof(Suspect), id.ToString(), $"{captures.Count} captures, manifest {Capture.Sha256(manifest)}");
        await db.SaveChangesAsync(ct);
        return (buffer.ToArray(), $"evidence-{detail.Suspect.Key.Replace('/', '_')}-{ChinaTime.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmmss}.zip");
    }

    // A ring: suspects anywhere in the province sharing a registrant, name servers, an address or a contact join one
    // cluster (the ring's sites are registered city by city; each city still sees only its own).
    private async Task ClusterAsync(Suspect suspect, CancellationToken ct)
    {
        var keys = ClusterKeys(suspect);
        if (keys.Count == 0) return;
        var others = await db.Suspects.IgnoreQueryFilters([ScopeFilters.Region])
            .Where(s => s.Id != suspect.Id && (s.Registrant != null || s.Addresses != null || s.Contacts != null || s.NameServers != null))
            .ToListAsync(ct);
        var linked = others.Where(o => ClusterKeys(o).Overlaps(keys)).ToList();
        if (linked.Count == 0) return;
        var cluster = linked.Select(o => o.ClusterId).Append(suspect.ClusterId).Where(c => c is not null).Min() ?? Guid.CreateVersion7(clock.GetUtcNow());
        suspect.ClusterId = cluster;
        var oldClusters = linked.Select(o => o.ClusterId).Where(c => c is not null && c != cluster).ToHashSet();
        foreach (var o in others.Where(o => linked.Contains(o) || (o.ClusterId is not null && oldClusters.Contains(o.ClusterId))))
        {
            if (o.ClusterId != cluster) o.ClusterId = cluster;
        }
    }

    private static HashSet<string> ClusterKeys(Suspect s)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(s.Registrant)) keys.Add("r:" + s.Registrant.Trim().ToLowerInvariant());
        foreach (var a in Split(s.Addresses)) if (!IsSharedHosting(a)) keys.Add("a:" + a);
        foreach (var c in Split(s.Contacts)) keys.Add("c:" + c.ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(s.NameServers)) keys.Add("n:" + string.Join(',', Split(s.NameServers).Select(n => n.ToLowerInvariant()).Order()));
        return keys;
    }

    // Loopback and private addresses say nothing about who runs a site.
    private static bool IsSharedHosting(string address) =>
        IPAddress.TryParse(address, out var ip) && (IPAddress.IsLoopback(ip) || address.StartsWith("10.", StringComparison.Ordinal) || address.StartsWith("192.168.", StringComparison.Ordinal));

    /// <summary>Phone, WeChat and QQ numbers on a page: the contacts that tie a ring together.</summary>
    public static IReadOnlyList<string> ContactsIn(string html)
    {
        var found = new List<string>();
        foreach (Match m in PhonePattern().Matches(html)) found.Add("tel:" + m.Value);
        foreach (Match m in WeChatPattern().Matches(html)) found.Add("wechat:" + m.Groups[1].Value.ToLowerInvariant());
        foreach (Match m in QqPattern().Matches(html)) found.Add("qq:" + m.Groups[1].Value);
        return found.Distinct().Take(20).ToList();
    }

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?:微信|weixin|wechat|vx|v信)\s*[:：号]?\s*([a-zA-Z][-_a-zA-Z0-9]{5,19})", RegexOptions.IgnoreCase)]
    private static partial Regex WeChatPattern();

    [GeneratedRegex(@"(?:QQ|qq|扣扣)\s*[:：号群]?\s*(\d{5,11})")]
    private static partial Regex QqPattern();
}
