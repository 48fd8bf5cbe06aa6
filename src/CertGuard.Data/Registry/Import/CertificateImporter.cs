using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Bulk import of certificates from CSV or xlsx (docs/import-export.md). Two passes: the whole file is validated
/// first; then, when every row is good (or partial import was asked for), the new rows are written in one transaction:
/// PostgreSQL binary COPY, or batched EF Core saves on SQLite. A row already in the registry exactly so is unchanged,
/// which makes importing the same file twice harmless; a different one is reported, never overwritten.
/// </summary>
public sealed class CertificateImporter(CertGuardDbContext db, TimeProvider clock, CertificateRules rules)
{
    public const string AuditAction = "import";

    public async Task<ImportReport> ImportAsync(ImportFile file, ImportOptions options, CancellationToken ct = default)
    {
        if (options.ScopeCity is { } city && !RegionDirectory.Guangdong.IsCity(city))
            throw new ArgumentException($"{city} is not a city of the province.", nameof(options));
        // One instant for the whole load: every certificate's first history step says the same when and who.
        var now = new FrozenClock(clock.GetUtcNow());
        var authorities = await db.Organisations.AsNoTracking().Where(o => o.Kind == Role.IssuingAuthority.Id)
            .Select(o => new { o.RegionCode, o.Id }).ToListAsync(ct);
        var authorityOf = authorities.GroupBy(a => a.RegionCode).ToDictionary(g => g.Key, g => g.Min(a => a.Id), StringComparer.Ordinal);
        var context = new ImportContext(rules, ChinaTime.Today(now), options.ScopeCity, c => authorityOf.TryGetValue(c, out var id) ? id : null);

        var check = new ImportValidation(db, rules, now, context, options);
        await check.RunAsync(file, ct);
        var write = !check.FileRejected && check.ToWrite.Count > 0 && (options.Partial || check.Rejected == 0);
        var written = write ? await WriteAsync(file, context, check, options, now, ct) : 0;
        return new ImportReport(file.Name, check.Rows, written, check.Unchanged, check.Rejected, options.Partial, check.Issues, check.IssuesTruncated);
    }

    /// <summary>The note each imported certificate's history keeps: which file and row it came from.</summary>
    public static string HistoryNote(string fileName, int row) =>
        $"由文件“{(fileName.Length > 120 ? fileName[..120] + "…" : fileName)}”第{row}行导入";

    private async Task<int> WriteAsync(ImportFile file, ImportContext context, ImportValidation check, ImportOptions options, TimeProvider now, CancellationToken ct)
    {
        await using ICertificateBulkWriter writer = db.Database.IsNpgsql() ? new PostgresCopyWriter(db, now) : new SqliteBatchWriter(db);
        await writer.BeginAsync(check.PerCity, row => HistoryNote(file.Name, row), ct);
        var actor = db.Actor.Name;
        var written = 0;
        using (var table = ImportTable.Open(file))
        {
            var validator = new ImportRowValidator(table.Header, context);
            var scratch = new List<ImportIssue>();
            foreach (var row in table.Rows())
            {
                if (!check.ToWrite.Contains(row.Number)) continue;
                ct.ThrowIfCancellationRequested();
                scratch.Clear();
                var record = validator.Validate(row, scratch) ?? throw Changed();
                await writer.WriteAsync(Certificate.Import(record, actor, HistoryNote(file.Name, row.Number), rules, now), row.Number, ct);
                written++;
            }
        }
        if (written != check.ToWrite.Count) throw Changed();
        var detail = JsonSerializer.Serialize(new
        {
            file = file.Name, rows = check.Rows, written, unchanged = check.Unchanged, rejected = check.Rejected,
            partial = options.Partial, scope = options.ScopeCity ?? RegionDirectory.Guangdong.Province.Code,
        }, AuditJson);
        await writer.CompleteAsync(AuditAction, detail, ct);
        return written;
    }

    private static ImportFileException Changed() => new("IMPORT-FILE-CHANGED", "文件在导入过程中被修改，已取消导入，没有写入任何证书。");

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
