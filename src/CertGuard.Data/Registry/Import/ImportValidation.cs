using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// The first pass over a file: every row checked on its own (<see cref="ImportRowValidator"/>), against the rows
/// before it (the same certificate twice) and against the registry (already there, the same or different), in batches.
/// It keeps only counts, issues and which rows to write, never the rows themselves.
/// </summary>
internal sealed class ImportValidation(CertGuardDbContext db, CertificateRules rules, TimeProvider clock, ImportContext context, ImportOptions options)
{
    private const int LookupBatch = 5_000;

    private readonly List<(int Row, RecordedCertificate Record)> _batch = new(LookupBatch);
    private readonly List<ImportIssue> _issues = [];
    private ImportHeader? _header;

    public int Rows { get; private set; }

    public int Unchanged { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>The header was wrong: no row was read.</summary>
    public bool FileRejected { get; private set; }

    public RowSet ToWrite { get; } = new();

    public Dictionary<string, int> PerCity { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<ImportIssue> Issues => _issues;

    public bool IssuesTruncated { get; private set; }

    public async Task RunAsync(ImportFile file, CancellationToken ct)
    {
        using var table = ImportTable.Open(file);
        if (table.HeaderIssues.Count > 0)
        {
            FileRejected = true;
            Report(table.HeaderIssues);
            return;
        }
        _header = table.Header;
        var validator = new ImportRowValidator(table.Header, context);
        var keys = new ImportKeys();
        var rowIssues = new List<ImportIssue>();
        foreach (var row in table.Rows())
        {
            ct.ThrowIfCancellationRequested();
            Rows++;
            rowIssues.Clear();
            var record = validator.Validate(row, rowIssues);
            if (record is not null && keys.Add(record.Holder, record.ItemCode, row.Number) is { } first)
            {
                rowIssues.Add(ImportErrors.Duplicate(row.Number, table.Header.NameOf(ImportColumn.Number), first));
                record = null;
            }
            if (record is null)
            {
                Reject(rowIssues);
                continue;
            }
            _batch.Add((row.Number, record));
            if (_batch.Count == LookupBatch) await LookupAsync(ct);
        }
        await LookupAsync(ct);
        if (Rows == 0)
        {
            FileRejected = true;
            Report([ImportErrors.NoRows()]);
        }
    }

    /// <summary>Sorts a batch into new, unchanged and conflicting with a certificate the registry holds (in any city).</summary>
    private async Task LookupAsync(CancellationToken ct)
    {
        if (_batch.Count == 0) return;
        var numbers = _batch.Select(b => b.Record.Holder.Value).Distinct().ToList();
        var existing = (await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => numbers.Contains(c.Number)).ToListAsync(ct))
            .ToDictionary(c => (c.Number, c.ItemCode));
        foreach (var (row, record) in _batch)
        {
            if (!existing.TryGetValue((record.Holder.Value, record.ItemCode), out var held))
            {
                ToWrite.Add(row);
                PerCity[record.RegionCode] = PerCity.GetValueOrDefault(record.RegionCode) + 1;
            }
            else if (held.SameRecordAs(Certificate.Import(record, db.Actor.Name, null, rules, clock), context.Today)) Unchanged++;
            else Reject([ImportErrors.Conflict(row, _header!.NameOf(ImportColumn.Number))]);
        }
        _batch.Clear();
    }

    private void Reject(IReadOnlyList<ImportIssue> issues)
    {
        Rejected++;
        Report(issues);
    }

    private void Report(IReadOnlyList<ImportIssue> issues)
    {
        foreach (var issue in issues)
        {
            if (_issues.Count < options.MaxIssues) _issues.Add(issue);
            else IssuesTruncated = true;
        }
    }
}
