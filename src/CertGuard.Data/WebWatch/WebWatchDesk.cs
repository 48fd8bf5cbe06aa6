using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Core.WebWatch;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

    public async Task<SuspectDetail> GetAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw Refusal.NotFound("WEBWATCH-NOT-FOUND");

    /// <summary>The suspect with its referrals, captures and cluster; null when it does not exist or is out of the reader's scope.</summary>
    public async Task<SuspectDetail?> FindAsync(Guid id, CancellationToken ct)
    {
        var suspect = await Visible().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (suspect is null) return null;
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

    /// <summary>
    /// The receiving department answers a referral made to it (market regulation: the case it filed on an online
    /// sale; cyberspace: what it did). Only that department's city officers answer, once.
    /// </summary>
    public async Task<SuspectReferral> AnswerReferralAsync(Guid id, Guid referralId, ReferralAnswer? answer, string? document, string? note, CancellationToken ct)
    {
        var role = actor.Scope?.Role;
        if (actor.Scope?.CityCode is null || role is null) throw Refusal.Forbidden("WEBWATCH-REFERRAL-NOT-YOURS");
        if (answer is null) throw Refusal.Invalid("WEBWATCH-REFERRAL-ANSWER", ("answer", ""));
        // The suspect read through the reader's filters: out of its city or not referred to it reads as absent.
        var suspect = await Visible().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Refusal.NotFound("WEBWATCH-NOT-FOUND");
        var referral = await db.SuspectReferrals.SingleOrDefaultAsync(r => r.Id == referralId && r.SuspectId == suspect.Id, ct)
            ?? throw Refusal.NotFound("WEBWATCH-REFERRAL-NOT-FOUND");
        if (referral.Department != role.Id) throw Refusal.Forbidden("WEBWATCH-REFERRAL-NOT-YOURS");
        referral.RecordAnswer(answer.Value, document, note, actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>Whether the reader's department may answer <paramref name="referral"/> (the page shows the form then).</summary>
    public static bool MayAnswer(AccessScope? scope, SuspectReferral referral) =>
        scope?.CityCode is not null && referral.Answer is null && referral.Department != ReferralDepartments.Police && referral.Department == scope.Role.Id;

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

}
