using CertGuard.Core.Accounts;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Verification;

/// <summary>
/// The signal rules, run over each batch the verification log stores: each rule looks at the batch, counts in the
/// log what it needs (one indexed query per subject), and opens a signal or adds to the open one of the same subject.
/// </summary>
public sealed class SignalDetector(CertGuardDbContext db, TimeProvider clock, IOptions<SignalOptions> options)
{
    private static readonly VerificationOutcome[] Unanswered = [VerificationOutcome.NotFound, VerificationOutcome.NameMismatch, VerificationOutcome.Malformed];
    private static readonly VerificationOutcome[] Misses = [VerificationOutcome.NotFound, VerificationOutcome.NameMismatch];
    private static readonly VerificationChannel[] OrganisationChannels = [VerificationChannel.RosterCheck, VerificationChannel.ReviewCheck];
    private static readonly VerificationChannel[] EmployerChannels = [VerificationChannel.PublicQuery, VerificationChannel.QrCheck, VerificationChannel.RosterCheck];

    private readonly Dictionary<(SignalKind, string), Signal?> _open = [];
    private Dictionary<Guid, (string Name, string Kind, string Region)>? _organisations;

    private SignalOptions Options => options.Value;

    public async Task ExamineAsync(IReadOnlyList<VerificationRecord> batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await FindForgedFormsAsync(batch, ct);
        await FindNameMismatchesAsync(batch, now, ct);
        await FindSharedCertificatesAsync(batch, now, ct);
        await FindNotFoundBurstsAsync(batch, now, ct);
        await FindUnregisteredAtReviewAsync(batch, ct);
        await FindOrganisationMissesAsync(batch, now, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task FindForgedFormsAsync(IReadOnlyList<VerificationRecord> batch, CancellationToken ct)
    {
        var forged = new List<(VerificationRecord Record, IReadOnlyList<CardFinding> Findings)>();
        foreach (var record in batch)
        {
            if (record.Outcome == VerificationOutcome.Valid && record.ClaimedFirstIssuedOn is null && record.CategoryCode is null) continue;
            var findings = CardForensics.Examine(record.NumberAsked, ChinaTime.DateOf(record.At), record.CategoryCode, record.ItemCode, record.ClaimedFirstIssuedOn);
            if (findings.Count > 0) forged.Add((record, findings));
        }
        if (forged.Count == 0) return;
        await PreloadOpenAsync(SignalKind.ForgedForm, forged.Select(f => Bare(f.Record)), ct);
        foreach (var (record, findings) in forged)
        {
            var evidence = $"{ChannelName(record.Channel)}中出现：{string.Join("；", findings.Select(f => f.Explanation))}";
            var region = record.RegionCode ?? await RegionOfAsync(record, ct);
            var signal = await RaiseAsync(SignalKind.ForgedForm, Bare(record), region, evidence, null, record.At, ct);
            signal.Codes = string.Join(",", findings.Select(f => f.Code));
            signal.CertificateId ??= record.CertificateId;
        }
    }

    private async Task FindNameMismatchesAsync(IReadOnlyList<VerificationRecord> batch, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-Options.NameMismatchWithinDays);
        var groups = batch.Where(r => r.Outcome == VerificationOutcome.NameMismatch && r.CertificateId is not null).GroupBy(r => r.CertificateId!.Value).ToList();
        if (groups.Count == 0) return;
        // One grouped count for the whole batch: a scraper's batch may name hundreds of certificates.
        var ids = groups.Select(g => g.Key).ToList();
        var counts = await db.VerificationLog.AsNoTracking()
            .Where(r => r.CertificateId != null && ids.Contains(r.CertificateId.Value) && r.Outcome == VerificationOutcome.NameMismatch && r.At >= since)
            .GroupBy(r => r.CertificateId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        await PreloadOpenAsync(SignalKind.NameMismatch, groups.Select(g => Bare(g.First())), ct);
        foreach (var group in groups)
        {
            var count = counts.GetValueOrDefault(group.Key);
            if (count < Options.NameMismatchThreshold) continue;
            var last = group.MaxBy(r => r.At)!;
            var evidence = $"近{Options.NameMismatchWithinDays}天内有{count}次以与登记持证人不同的姓名查询该证号，可能有人冒用他人证件。";
            await RaiseAsync(SignalKind.NameMismatch, Bare(last), last.RegionCode ?? Province, evidence, count, last.At, ct, group.Key);
        }
    }

    private async Task FindSharedCertificatesAsync(IReadOnlyList<VerificationRecord> batch, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-Options.SharedWithinDays);
        var groups = batch.Where(r => r.CertificateId is not null && r.OrganisationId is not null && EmployerChannels.Contains(r.Channel))
            .GroupBy(r => r.CertificateId!.Value).ToList();
        if (groups.Count == 0) return;
        var ids = groups.Select(g => g.Key).ToList();
        var askers = (await db.VerificationLog.AsNoTracking()
                .Where(r => r.CertificateId != null && ids.Contains(r.CertificateId.Value) && r.OrganisationId != null && r.At >= since && EmployerChannels.Contains(r.Channel))
                .Select(r => new { Certificate = r.CertificateId!.Value, Organisation = r.OrganisationId!.Value }).Distinct().ToListAsync(ct))
            .ToLookup(a => a.Certificate, a => a.Organisation);
        var organisations = await OrganisationsAsync(ct);
        await PreloadOpenAsync(SignalKind.SharedAcrossEmployers, groups.Select(g => Bare(g.First())), ct);
        foreach (var group in groups)
        {
            var employers = askers[group.Key].Where(id => organisations.TryGetValue(id, out var o) && o.Kind == Role.Employer.Id)
                .Select(id => organisations[id].Name).Order(StringComparer.Ordinal).ToList();
            if (employers.Count < 2) continue;
            var last = group.MaxBy(r => r.At)!;
            var evidence = $"近{Options.SharedWithinDays}天内有{employers.Count}家用人单位查验或登记了同一本证书（{string.Join("、", employers)}），可能存在转借、转让。";
            await RaiseAsync(SignalKind.SharedAcrossEmployers, Bare(last), last.RegionCode ?? Province, evidence, employers.Count, last.At, ct, group.Key);
        }
    }

    private async Task FindNotFoundBurstsAsync(IReadOnlyList<VerificationRecord> batch, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - Options.NotFoundBurstWindow;
        foreach (var group in batch.Where(r => r.Origin is not null && r.Channel == VerificationChannel.PublicQuery && Unanswered.Contains(r.Outcome)).GroupBy(r => r.Origin!))
        {
            // A count, not the rows: a scraper's origin may have asked a hundred thousand numbers in the window.
            var recent = await db.VerificationLog
                .CountAsync(r => r.Origin == group.Key && r.Channel == VerificationChannel.PublicQuery && r.At >= since && Unanswered.Contains(r.Outcome), ct);
            if (recent < Options.NotFoundBurstThreshold) continue;
            var evidence = $"来自同一网络（{group.Key}）在{Options.NotFoundBurstWindow.TotalMinutes:0}分钟内有{recent}次查询未查到证书，可能是伪造者在试号或有人批量抓取。";
            await RaiseAsync(SignalKind.NotFoundBurst, group.Key, LikelyCity(group.Select(r => r.NumberAsked)), evidence, recent, group.Max(r => r.At), ct);
        }
    }

    private async Task FindUnregisteredAtReviewAsync(IReadOnlyList<VerificationRecord> batch, CancellationToken ct)
    {
        foreach (var record in batch.Where(r => r.Channel == VerificationChannel.ReviewCheck && r.Outcome is VerificationOutcome.NotFound or VerificationOutcome.Malformed))
        {
            var institution = record.OrganisationId is { } id && (await OrganisationsAsync(ct)).TryGetValue(id, out var o) ? o.Name : "培训或考试机构";
            var evidence = $"{institution}在复审时录入的证书在登记库中不存在，已拦截；持证人可能持有伪造证件。";
            await RaiseAsync(SignalKind.UnregisteredAtReview, Bare(record), await RegionOfAsync(record, ct), evidence, null, record.At, ct);
        }
    }

    private async Task FindOrganisationMissesAsync(IReadOnlyList<VerificationRecord> batch, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - Options.OrganisationMissWindow;
        var groups = batch.Where(r => r.OrganisationId is not null && OrganisationChannels.Contains(r.Channel) && Misses.Contains(r.Outcome))
            .GroupBy(r => r.OrganisationId!.Value);
        foreach (var group in groups)
        {
            var id = group.Key;
            // A count, not the rows: an upload may hold fifty thousand of them.
            var recent = await db.VerificationLog.CountAsync(
                r => r.OrganisationId == id && OrganisationChannels.Contains(r.Channel) && Misses.Contains(r.Outcome) && r.At >= since, ct);
            if (recent < Options.OrganisationMissThreshold) continue;
            var organisations = await OrganisationsAsync(ct);
            var (name, region) = organisations.TryGetValue(id, out var o) ? (o.Name, o.Region) : (id.ToString(), Province);
            var evidence = $"{name}在{Options.OrganisationMissWindow.TotalHours:0}小时内有{recent}次名册自查或复审核验的结果为“查无此证”或“姓名不符”，可能在借名册或复审核验批量试探他人证号或姓名。";
            var subject = name.Length > 64 ? name[..64] : name;
            await RaiseAsync(SignalKind.OrganisationMisses, subject, RegionDirectory.Guangdong.IsCity(region) ? region : Province, evidence, recent,
                group.Max(r => r.At), ct);
        }
    }

    /// <summary>Reads the open signals of a kind for many subjects in one query, so raising them asks no more.</summary>
    private async Task PreloadOpenAsync(SignalKind kind, IEnumerable<string> subjects, CancellationToken ct)
    {
        var wanted = subjects.Where(subject => !_open.ContainsKey((kind, subject))).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return;
        var open = await db.Signals.Where(s => s.Kind == kind && s.State == SignalState.Open && wanted.Contains(s.Subject)).ToListAsync(ct);
        foreach (var subject in wanted) _open[(kind, subject)] = null;
        foreach (var signal in open) _open[(kind, signal.Subject)] = signal;
    }

    private async Task<Signal> RaiseAsync(SignalKind kind, string subject, string region, string evidence, int? count, DateTimeOffset at,
        CancellationToken ct, Guid? certificateId = null)
    {
        var key = (kind, subject);
        if (!_open.TryGetValue(key, out var signal))
        {
            signal = await db.Signals.SingleOrDefaultAsync(s => s.Kind == kind && s.Subject == subject && s.State == SignalState.Open, ct);
            _open[key] = signal;
        }
        if (signal is null)
        {
            signal = new Signal(kind, subject, region, evidence, at) { CertificateId = certificateId };
            if (count is > 1) signal.SeenAgain(evidence, count.Value, at);
            db.Signals.Add(signal);
            _open[key] = signal;
        }
        else
        {
            signal.SeenAgain(evidence, count ?? signal.Count + 1, at);
        }
        return signal;
    }

    private async Task<string> RegionOfAsync(VerificationRecord record, CancellationToken ct)
    {
        if (record.OrganisationId is { } id && (await OrganisationsAsync(ct)).TryGetValue(id, out var o) && RegionDirectory.Guangdong.IsCity(o.Region))
            return o.Region;
        return LikelyCity([record.NumberAsked]);
    }

    /// <summary>The Guangdong city most of the numbers were registered in (an ID number's division), else the province.</summary>
    private static string LikelyCity(IEnumerable<string?> numbers) =>
        numbers.Select(n => CardForensics.Bare(n)).Where(n => n.Length >= 4 && n.All(char.IsAsciiLetterOrDigit))
            .Select(n => n[..4] + "00").Where(RegionDirectory.Guangdong.IsCity)
            .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? Province;

    private static string Province => RegionDirectory.Guangdong.Province.Code;

    private static string Bare(VerificationRecord record) => CardForensics.Bare(record.NumberAsked);

    private async Task<Dictionary<Guid, (string Name, string Kind, string Region)>> OrganisationsAsync(CancellationToken ct) =>
        _organisations ??= await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (o.Name, o.Kind, o.RegionCode), ct);

    private static string ChannelName(VerificationChannel channel) => channel switch
    {
        VerificationChannel.PublicQuery => "公众查询",
        VerificationChannel.QrCheck => "二维码核验",
        VerificationChannel.RosterCheck => "用人单位名册自查",
        _ => "复审核验",
    };
}
