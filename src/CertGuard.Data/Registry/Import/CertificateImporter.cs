using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Bulk import of certificates from CSV or xlsx (docs/import-export.md), in one pass over the file: rows are checked
/// as they are read, looked up in the registry a batch at a time, and the new ones written in one transaction
/// (PostgreSQL binary COPY, or batched EF Core saves on SQLite). All-or-nothing by default: the first rejected row
/// rolls the writing back, and the rest of the file is still checked for the report. A row already in the registry
/// exactly so is unchanged, which makes importing the same file twice harmless; a different one is reported, never
/// overwritten.
/// </summary>
public sealed class CertificateImporter(CertGuardDbContext db, TimeProvider clock, CertificateRules rules, ReferenceData.ReferenceDataProvider reference)
{
    public const string AuditAction = "import";

    public async Task<ImportReport> ImportAsync(ImportFile file, ImportOptions options, CancellationToken ct = default)
    {
        if (options.ScopeCity is { } city && !RegionDirectory.Guangdong.IsCity(city))
            throw new ArgumentException($"{city} is not a city of the province.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        // One instant for the whole load: every certificate's first history step says the same when and who.
        var now = new FrozenClock(clock.GetUtcNow());
        var authorities = await db.Organisations.AsNoTracking().Where(o => o.Kind == Role.IssuingAuthority.Id)
            .Select(o => new { o.RegionCode, o.Id }).ToListAsync(ct);
        var authorityOf = authorities.GroupBy(a => a.RegionCode).ToDictionary(g => g.Key, g => g.Min(a => a.Id), StringComparer.Ordinal);
        var context = new ImportContext(rules, ChinaTime.Today(now), options.ScopeCity, c => authorityOf.TryGetValue(c, out var id) ? id : null, reference.Current);

        await using var pass = new ImportPass(db, rules, now, context, options, file.Name);
        await pass.RunAsync(file, ct);
        var written = 0;
        if (pass.CanCommit)
        {
            var detail = JsonSerializer.Serialize(new
            {
                file = file.Name, rows = pass.Rows, written = pass.Written, unchanged = pass.Unchanged, rejected = pass.Rejected,
                partial = options.Partial, scope = options.ScopeCity ?? RegionDirectory.Guangdong.Province.Code, indexesRebuilt = pass.RebuiltIndexes,
            }, AuditJson);
            await pass.CommitAsync(AuditAction, detail, ct);
            written = pass.Written;
        }
        return new ImportReport(file.Name, pass.Rows, written, pass.Unchanged, pass.Rejected, options.Partial, pass.Issues, pass.IssuesTruncated);
    }

    /// <summary>The note each imported certificate's history keeps: which file and row it came from.</summary>
    public static string HistoryNote(string fileName, int row) =>
        $"由文件“{(fileName.Length > 120 ? fileName[..120] + "…" : fileName)}”第{row}行导入";

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
