using System.Security.Cryptography;
using System.Text;
using CertGuard.Core.Certificates;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.ReferenceData;

/// <summary>What a new version would change, checked against the versions held, before anyone confirms it.</summary>
public sealed record ReferenceDataPreview(ReferenceDataVersion Version, ReferenceDataVersion Against, IReadOnlyList<DiffRow> Changes);

/// <summary>
/// The province office's loading of a new reference data version: check and preview a file, then confirm it (stored,
/// audited, and used by every instance from its effective date).
/// </summary>
public sealed class ReferenceDataBook(CertGuardDbContext db, ReferenceDataProvider provider, TimeProvider clock)
{
    /// <summary>A larger file is not a reference data version (the shipped ones are about 20 KB).</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    public Task<List<ReferenceDataRecord>> RecordsAsync(CancellationToken ct) =>
        db.Set<ReferenceDataRecord>().AsNoTracking().OrderBy(r => r.EffectiveFrom).ToListAsync(ct);

    /// <summary>Checks the document and compares it with the version in force on the day before it takes effect.</summary>
    public async Task<ReferenceDataPreview> PreviewAsync(string json, CancellationToken ct)
    {
        if (Encoding.UTF8.GetByteCount(json) > MaxDocumentBytes)
            throw Core.Refusal.TooLarge("REFDATA-TOO-LARGE", ("max", MaxDocumentBytes / 1024));
        var held = provider.Current;
        var version = ReferenceDataValidator.CheckUpload(ReferenceDataDocument.Parse(json), held, ChinaTime.Today(clock), await ItemsInUseAsync(ct));
        var against = held.InForce(version.EffectiveFrom.AddDays(-1));
        return new ReferenceDataPreview(version, against, ReferenceDataDiff.Between(against, version));
    }

    /// <summary>Stores the version (checked again: another may have been confirmed since the preview) and audits it.</summary>
    public async Task<ReferenceDataPreview> ConfirmAsync(string json, CancellationToken ct)
    {
        provider.Reload();
        var preview = await PreviewAsync(json, ct);
        var document = preview.Version.Document.ToJson();
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        db.Set<ReferenceDataRecord>().Add(new ReferenceDataRecord
        {
            Id = Guid.CreateVersion7(),
            Key = preview.Version.Key,
            EffectiveFrom = preview.Version.EffectiveFrom,
            Title = preview.Version.Title,
            Status = preview.Version.Status.ToString(),
            Document = document,
            Sha256 = sha,
            LoadedAt = clock.GetUtcNow(),
            LoadedBy = db.Actor.Name,
        });
        var counts = string.Join(", ", preview.Changes.GroupBy(c => c.Change).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"));
        db.AddAuditEntry("reference-data.confirm", "ReferenceDataVersion", preview.Version.Key,
            $"{{\"effectiveFrom\":\"{preview.Version.EffectiveFrom:yyyy-MM-dd}\",\"sha256\":\"{sha}\",\"against\":\"{preview.Against.Key}\",\"changes\":\"{counts}\"}}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique key or day: another office confirmed a version for it between our check and our write.
            throw Core.Refusal.Conflict("REFDATA-KEY-TAKEN", ("key", preview.Version.Key));
        }
        provider.Reload();
        return preview;
    }

    /// <summary>The items live certificates hold: a new catalogue must keep them (or list them as withdrawn).</summary>
    private async Task<IReadOnlyCollection<string>> ItemsInUseAsync(CancellationToken ct) =>
        await db.Certificates.IgnoreQueryFilters().Where(c => c.Status == CertificateStatus.Active)
            .Select(c => c.ItemCode).Distinct().ToListAsync(ct);
}
