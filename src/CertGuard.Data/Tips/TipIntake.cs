using CertGuard.Core;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using CertGuard.Data.ReferenceData;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Tips;

/// <summary>A tip as filed: on the public form, by API, or by staff recording a call (12350, a city office, 110).</summary>
public sealed record TipSubmission(string? City, TipKind? Kind, string? Site, string? What, bool Anonymous, string? Name, string? Phone);

/// <summary>Files a tip: checks it, strips the photos' metadata, seals everything, and answers the receipt once.</summary>
public sealed class TipIntake(CertGuardDbContext db, TipVault vault, ReferenceDataProvider reference, TimeProvider clock, IOptions<TipOptions> options)
{
    public const int SiteMaxLength = 200;
    public const int TextMaxLength = 4000;

    public async Task<string> FileAsync(TipSubmission submission, TipChannel channel, IReadOnlyList<byte[]> files, CancellationToken ct)
    {
        var (city, kind, report) = Check(submission);
        var evidence = Scrub(files, options.Value);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var id = Guid.CreateVersion7(now);
        var receipt = Receipt.New();
        var keys = vault.Create(id, receipt);
        var tip = new Tip(id, city, kind, channel, !submission.Anonymous, now, today.AddDays(Days(reference, today, "TIP-CHECK")));
        tip.Seal(keys.LookupId, keys.Salt, keys.Verifier, keys.ReporterWrap, keys.OfficeWrap, keys.OfficeKeyId, report.Seal(keys.DataKey, id));
        db.Tips.Add(tip);
        foreach (var (bytes, type) in evidence)
            db.TipFiles.Add(new TipFile(id, type, bytes.Length, now, TipVault.Seal(keys.DataKey, id, "file", bytes)));
        // Acknowledged only after the commit: a receipt the reporter holds always names a stored tip.
        await db.SaveChangesAsync(ct);
        return receipt;
    }

    public static int Days(ReferenceDataProvider reference, DateOnly on, string code) =>
        reference.Current.InForce(on).TimeLimit(code) is { Unit: TimeLimitUnit.Days } limit
            ? limit.Amount
            : throw new InvalidOperationException($"参考数据缺少期限 {code}（按日计）。");

    public static List<(byte[] Bytes, string Type)> Scrub(IReadOnlyList<byte[]> files, TipOptions options)
    {
        if (files.Count > options.MaxFiles) throw Refusal.TooLarge("TIP-FILES-TOO-MANY", ("max", options.MaxFiles));
        var scrubbed = new List<(byte[], string)>();
        foreach (var file in files)
        {
            if (file.Length > options.MaxFileBytes) throw Refusal.TooLarge("TIP-FILE-TOO-LARGE", ("max", options.MaxFileBytes / 1024 / 1024));
            if (file.Length == 0) continue;
            scrubbed.Add(EvidenceScrubber.Scrub(file));
        }
        return scrubbed;
    }

    private static (string City, TipKind Kind, TipReport Report) Check(TipSubmission s)
    {
        if (!RegionDirectory.Guangdong.IsCity(s.City)) throw Refusal.Invalid("TIP-CITY-REQUIRED");
        if (s.Kind is not { } kind || !Enum.IsDefined(kind)) throw Refusal.Invalid("TIP-KIND-REQUIRED");
        var what = (s.What ?? "").Trim();
        if (what.Length == 0) throw Refusal.Invalid("TIP-WHAT-REQUIRED");
        if (what.Length > TextMaxLength) throw Refusal.Invalid("TIP-TEXT-TOO-LONG", ("max", TextMaxLength));
        var site = (s.Site ?? "").Trim();
        if (site.Length > SiteMaxLength) site = site[..SiteMaxLength];
        if (s.Anonymous) return (s.City!, kind, new TipReport(site, what, null, null));
        var name = (s.Name ?? "").Trim();
        var phone = new string((s.Phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (name.Length is 0 or > 50 || phone.Length is < 7 or > 15) throw Refusal.Invalid("TIP-NAME-PHONE-REQUIRED");
        return (s.City!, kind, new TipReport(site, what, name, phone));
    }
}
