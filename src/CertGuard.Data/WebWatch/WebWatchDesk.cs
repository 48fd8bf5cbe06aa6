using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Core.WebWatch;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Capture = CertGuard.Core.WebWatch.Capture;

namespace CertGuard.Data.WebWatch;

/// <summary>
/// The cyberspace office's desk for suspect sites and listings: finding them (manual, public report, look-alike
/// scan, CT and new-domain imports), confirming by content, capturing evidence, referring, recording the disposal,
/// re-checking. The region filter keeps a city to its own suspects; who may act is <see cref="MayAct"/>.
/// </summary>
public sealed partial class WebWatchDesk(
    CertGuardDbContext db, IActor actor, TimeProvider clock, IOptions<WebWatchOptions> options,
    DomainResolver resolver, PageFetcher fetcher, ScreenshotWorker screenshots, OfficialPage official)
{
    public const int PageSize = 50;

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Who reads web watch: the cyberspace offices, the safety offices, and the departments suspects are referred to.</summary>
    public static bool MayRead(AccessScope? scope) =>
        scope is not null && (scope.Role == Role.Cyberspace || scope.Role == Role.ProvinceOffice || scope.Role == Role.CityOffice
            || scope.Role == Role.Police || scope.Role == Role.MarketRegulation);

    /// <summary>Only a city's cyberspace office works its suspects (the region filter already keeps it to its city).</summary>
    public static bool MayAct(AccessScope? scope) => scope is not null && scope.Role == Role.Cyberspace && scope.CityCode is not null;

    private WebWatchOptions Options => options.Value;

    // Police and market regulation see only what was referred to them; the others their whole region.
    private IQueryable<Suspect> Visible()
    {
        var role = actor.Scope?.Role;
        var query = db.Suspects.AsQueryable();
        if (role == Role.Police || role == Role.MarketRegulation)
        {
            var department = role.Id;
            query = query.Where(s => db.SuspectReferrals.Any(r => r.SuspectId == s.Id && r.Department == department));
        }
        return query;
    }

    public async Task<(IReadOnlyList<SuspectRow> Items, int Total)> ListAsync(SuspectState? state, DateTimeOffset? changedSince, Guid? cluster, int page, CancellationToken ct)
    {
        var query = Visible();
        if (state is { } s) query = query.Where(x => x.State == s);
        if (changedSince is { } since) query = query.Where(x => x.ChangedAt > since);
        if (cluster is { } c) query = query.Where(x => x.ClusterId == c);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(x => x.ChangedAt).ThenByDescending(x => x.Score)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (items.Select(SuspectRow.Of).ToList(), total);
    }

    public async Task<SuspectDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var suspect = await Visible().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Refusal.NotFound("WEBWATCH-NOT-FOUND");
        var referrals = await db.SuspectReferrals.AsNoTracking().Where(r => r.SuspectId == id).OrderBy(r => r.ReferredAt).ToListAsync(ct);
        var captures = await db.Captures.AsNoTracking().Where(c => c.SuspectId == id).OrderBy(c => c.CapturedAt)
            .Select(c => new CaptureSummary(c.Id, c.Url, c.CapturedAt, c.CapturedBy, c.StatusCode, c.Addresses, c.HtmlSha256, c.HeadersSha256, c.AddressesSha256,
                c.ScreenshotSha256, c.ScreenshotMissing, c.HtmlFuzzyHash, c.ScreenshotHash, c.HtmlSimilarity, c.ScreenSimilarity)).ToListAsync(ct);
        var cluster = suspect.ClusterId is { } cid
            ? (await Visible().AsNoTracking().Where(s => s.ClusterId == cid && s.Id != id).OrderBy(s => s.FoundAt).ToListAsync(ct)).Select(SuspectRow.Of).ToList()
            : [];
        return new(suspect, referrals, captures, cluster);
    }

    /// <summary>Adds a suspect found by hand, by a tip or by a public report; a name already known is returned, not added again.</summary>
    public async Task<AddResult> AddAsync(NewSuspect input, CancellationToken ct)
    {
        if (input.Source != SuspectSources.PublicReport) RequireActor();
        var region = RegionFor(input.RegionCode);
        var (key, url) = KeyOf(input.Kind, input.Url);
        // Across every filter: a public report (an anonymous visitor reads no suspects) must still find the known one.
        var existing = await db.Suspects.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.RegionCode == region && s.Key == key, ct);
        if (existing is not null) return new(SuspectRow.Of(existing), true);
        var now = clock.GetUtcNow();
        var suspect = new Suspect(region, input.Kind, key, url, input.Source, input.Score, actor.Name, now)
        {
            Platform = Trim(input.Platform, 64), Note = Trim(input.Note, Suspect.TextMaxLength), Registrant = Trim(input.Registrant, 256), Contacts = Trim(input.Contacts, 1000),
        };
        db.Suspects.Add(suspect);
        await ClusterAsync(suspect, ct);
        await db.SaveChangesAsync(ct);
        return new(SuspectRow.Of(suspect), false);
    }

    /// <summary>Sets what WHOIS and the pages say of a suspect (registrant, name servers, contacts) and re-clusters it.</summary>
    public async Task<SuspectRow> DescribeAsync(Guid id, int? version, string? registrant, string? nameServers, string? contacts, CancellationToken ct)
    {
        var suspect = await ForActionAsync(id, version, ct);
        if (registrant is not null) suspect.Registrant = Trim(registrant, 256);
        if (nameServers is not null) suspect.NameServers = Trim(nameServers, 1000);
        if (contacts is not null) suspect.Contacts = Trim(contacts, 1000);
        suspect.Touch(clock.GetUtcNow());
        await ClusterAsync(suspect, ct);
        await db.SaveChangesAsync(ct);
        return SuspectRow.Of(suspect);
    }

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

    /// <summary>Generates the look-alikes of an official domain, resolves the registrable ones, and adds those that exist as suspects.</summary>
    public async Task<ScanResult> ScanAsync(string domain, string? regionCode, CancellationToken ct)
    {
        RequireActor();
        var region = RegionFor(regionCode);
        var all = LookalikeGenerator.Generate(domain);
        if (all.Count == 0) throw Refusal.Invalid("WEBWATCH-DOMAIN-INVALID", ("domain", domain));
        var picked = all.Where(c => c.Registrable).Take(Options.ScanLimit).ToList();
        var answers = await resolver.ResolveAllAsync(picked.Select(c => c.Domain), ct);
        var registered = answers.Where(a => a.Verdict == DnsVerdict.Registered).Select(a => a.Domain).ToList();
        var known = await db.Suspects.IgnoreQueryFilters([ScopeFilters.Region]).Where(s => s.RegionCode == region && registered.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        var now = clock.GetUtcNow();
        var lines = new List<ScanLine>();
        foreach (var (candidate, answer) in picked.Zip(answers))
        {
            Guid? id = null;
            if (answer.Verdict == DnsVerdict.Registered)
            {
                if (known.TryGetValue(candidate.Domain, out var old)) id = old.Id;
                else
                {
                    var suspect = new Suspect(region, SuspectKind.Website, candidate.Domain, $"http://{candidate.Domain}/", SuspectSources.Lookalike, candidate.Score, actor.Name, now)
                    {
                        Note = $"{candidate.Fuzzer} ← {domain}", Addresses = Join(answer.Addresses), NameServers = Join(answer.NameServers),
                    };
                    db.Suspects.Add(suspect);
                    await ClusterAsync(suspect, ct);
                    id = suspect.Id;
                }
            }
            lines.Add(new(candidate.Domain, candidate.Fuzzer, candidate.Score, answer.Verdict, answer.Addresses, id));
        }
        await db.SaveChangesAsync(ct);
        return new(domain, all.Count, picked.Count, lines);
    }

    public async Task<SuspectRow> VerifyAsync(Guid id, int? version, bool fake, string? reason, CancellationToken ct)
    {
        var suspect = await ForActionAsync(id, version, ct);
        suspect.Verify(fake, reason ?? "", actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return SuspectRow.Of(suspect);
    }

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

    /// <summary>Refers a confirmed suspect; a police referral raises a lead in the city's enforcement inbox.</summary>
    public async Task<SuspectReferral> ReferAsync(Guid id, int? version, string? department, string? note, CancellationToken ct)
    {
        if (department is null || !ReferralDepartments.All.Contains(department)) throw Refusal.Invalid("WEBWATCH-DEPARTMENT", ("department", department ?? ""));
        var text = (note ?? "").Trim();
        if (text.Length == 0) throw Refusal.Invalid("WEBWATCH-REASON-REQUIRED");
        var suspect = await ForActionAsync(id, version, ct);
        var now = clock.GetUtcNow();
        suspect.MarkReferred(now);
        var referral = new SuspectReferral(suspect.Id, department, text, actor.Name, now);
        if (department == ReferralDepartments.Police)
        {
            var lead = new InspectionLead(suspect.RegionCode, LeadSources.Website, $"仿冒网站/网售证书涉嫌犯罪：{suspect.Url}。{text}", actor.Name, now) { SourceId = suspect.Id };
            db.InspectionLeads.Add(lead);
            referral.LeadId = lead.Id;
        }
        db.SuspectReferrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    public async Task<SuspectRow> DisposeAsync(Guid id, int? version, DisposalOutcome outcome, DateOnly? on, string? document, CancellationToken ct)
    {
        var suspect = await ForActionAsync(id, version, ct);
        var now = clock.GetUtcNow();
        suspect.Dispose(outcome, on ?? ChinaTime.DateOf(now), document ?? "", TimeSpan.FromDays(Options.RecheckAfterDays), now);
        await db.SaveChangesAsync(ct);
        return SuspectRow.Of(suspect);
    }

    /// <summary>The re-check of one disposed suspect: fetch it; an answer reopens it, silence ends it.</summary>
    public async Task<SuspectRow> RecheckAsync(Guid id, CancellationToken ct)
    {
        var suspect = actor.Scope is null
            ? await db.Suspects.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Refusal.NotFound("WEBWATCH-NOT-FOUND")
            : await ForActionAsync(id, null, ct);
        var page = await fetcher.FetchAsync(suspect.Url, ct);
        suspect.Recheck(page.Online, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return SuspectRow.Of(suspect);
    }

    /// <summary>The job's sweep: every disposed suspect whose re-check is due. Returns how many reopened.</summary>
    public async Task<(int Checked, int Reopened)> RecheckDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Suspects.Where(s => s.State == SuspectState.Disposed && s.RecheckDueAt != null && s.RecheckDueAt <= now).Select(s => s.Id).Take(500).ToListAsync(ct);
        var reopened = 0;
        foreach (var id in due)
        {
            var row = await RecheckAsync(id, ct);
            if (row.State == SuspectState.Reopened) reopened++;
        }
        return (due.Count, reopened);
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

    private async Task<Suspect> ForActionAsync(Guid id, int? version, CancellationToken ct)
    {
        RequireActor();
        var suspect = await db.Suspects.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Refusal.NotFound("WEBWATCH-NOT-FOUND");
        if (version is { } v && v != suspect.Version) throw Refusal.Conflict("WEBWATCH-STALE");
        return suspect;
    }

    private void RequireActor()
    {
        if (actor.Scope is null) return;   // the platform itself (jobs, CLI, seeding)
        if (!MayAct(actor.Scope)) throw Refusal.Forbidden("WEBWATCH-CYBERSPACE-ONLY");
    }

    private string RegionFor(string? requested)
    {
        if (actor.Scope?.CityCode is { } city) return city;
        if (requested is not null && RegionDirectory.Guangdong.IsCity(requested)) return requested;
        throw Refusal.Invalid("WEBWATCH-CITY-REQUIRED");
    }

    private static (string Key, string Url) KeyOf(SuspectKind kind, string? url)
    {
        var text = (url ?? "").Trim();
        if (kind == SuspectKind.Website)
        {
            var host = DomainName.Normalise(text) ?? throw Refusal.Invalid("WEBWATCH-URL-INVALID");
            var full = text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.ToString() : $"http://{host}/";
            return (host, full);
        }
        if (text.Length is 0 or > 2048) throw Refusal.Invalid("WEBWATCH-URL-INVALID");
        return (text.Length > 512 ? text[..512] : text, text);
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

    private static string? Trim(string? text, int max)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > max ? t[..max] : t;
    }

    private static string[] Split(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Join(IEnumerable<string> items)
    {
        var text = string.Join(", ", items.Distinct());
        return text.Length == 0 ? null : text.Length > 1000 ? text[..1000] : text;
    }

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?:微信|weixin|wechat|vx|v信)\s*[:：号]?\s*([a-zA-Z][-_a-zA-Z0-9]{5,19})", RegexOptions.IgnoreCase)]
    private static partial Regex WeChatPattern();

    [GeneratedRegex(@"(?:QQ|qq|扣扣)\s*[:：号群]?\s*(\d{5,11})")]
    private static partial Regex QqPattern();
}
