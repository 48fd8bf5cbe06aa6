using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using CertGuard.Core.Certificates;
using CertGuard.Core.Regions;
using CertGuard.Core.Registry.Import;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// One pass over a file: the rows come checked from <see cref="ImportReader"/>, a batch at a time; each batch is looked
/// up in the registry (new, unchanged, conflicting, barred) and its new certificates are written at once, in the
/// load's one transaction, opened at the first of them. A rejection in an all-or-nothing import rolls the writing back
/// there and then; the rest of the file is still checked, so that the report names every bad row.
/// </summary>
internal sealed class ImportPass(CertGuardDbContext db, CertificateRules rules, TimeProvider clock, ImportContext context, ImportOptions options, string fileName)
    : IAsyncDisposable
{
    private readonly List<ImportIssue> _issues = [];
    private ICertificateBulkWriter? _writer;
    private bool _abandoned;
    private string _numberColumn = "";

    public int Rows { get; private set; }

    public int Unchanged { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>New certificates handed to the writer; they stay only if <see cref="CommitAsync"/> follows.</summary>
    public int Written { get; private set; }

    public IReadOnlyList<ImportIssue> Issues => _issues;

    public bool IssuesTruncated { get; private set; }

    public bool RebuiltIndexes => _writer?.RebuildsIndexes == true;

    /// <summary>Something was written and the options keep it: every row good, or partial.</summary>
    public bool CanCommit => _writer is not null && Writing && Written > 0;

    private bool Writing => !_abandoned && (options.Partial || Rejected == 0);

    public async Task RunAsync(ImportFile file, CancellationToken ct)
    {
        using var table = ImportTable.Open(file, options.MaxRows, ct);
        if (table.HeaderIssues.Count > 0)
        {
            Report(table.HeaderIssues);
            return;
        }
        _numberColumn = table.Header.NameOf(ImportColumn.Number);
        var holders = await HolderLookup.OpenAsync(db, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var (batches, reading) = ImportReader.Start(table, context, options.BatchSize, stop.Token);
        try
        {
            while (await NextAsync(batches, ct) is { } batch)
            {
                await TakeAsync(batch, holders, ct);
                if (options.Progress is { } progress) await progress(Rows, ct);
            }
        }
        finally
        {
            // The reader stops at its next row; the table it reads is disposed only once it has.
            await stop.CancelAsync();
            await reading;
        }
        if (Rows == 0) Report([ImportErrors.NoRows()]);
    }

    public async Task CommitAsync(string auditAction, string auditDetail, CancellationToken ct) =>
        await _writer!.CompleteAsync(auditAction, auditDetail, ct);

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
    }

    /// <summary>The next batch; a failure of the reader (a damaged or too large file) is thrown as it was.</summary>
    private static async Task<List<CheckedRow>?> NextAsync(ChannelReader<List<CheckedRow>> batches, CancellationToken ct)
    {
        try
        {
            return await batches.WaitToReadAsync(ct) && batches.TryRead(out var batch) ? batch : null;
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private async Task TakeAsync(List<CheckedRow> batch, HolderLookup holders, CancellationToken ct)
    {
        var good = new List<(int Row, RecordedCertificate Record)>(batch.Count);
        foreach (var entry in batch)
        {
            Rows++;
            if (entry.Record is { } record) good.Add((entry.Row, record));
            else Reject(entry.Issues);
        }
        var held = good.Count == 0 ? [] : await holders.FindAsync(good.Select(g => g.Record.Holder.Value), ct);
        var fresh = new List<Certificate>();
        foreach (var (row, record) in good)
        {
            var mine = held.GetValueOrDefault(record.Holder.Value) ?? [];
            var same = mine.Find(c => c.ItemCode == record.ItemCode);
            if (same is not null && same.SameRecordAs(Certificate.Import(record, db.Actor.Name, null, rules, clock), context.Today)) Unchanged++;
            else if (ImportReapplicationBar.Check(row, _numberColumn, record, mine, context) is { } barred) Reject([barred]);
            else if (same is not null) Reject([ImportErrors.Conflict(row, _numberColumn)]);
            else if (Writing) fresh.Add(Certificate.Import(record, db.Actor.Name, CertificateImporter.HistoryNote(fileName, row), rules, clock));
        }
        if (!Writing)
        {
            await AbandonAsync();
            return;
        }
        if (fresh.Count == 0) return;
        if (_writer is null)
        {
            _writer = db.Database.IsNpgsql() ? new PostgresCopyWriter(db, clock, Plan(holders)) : new SqliteBatchWriter(db);
            await _writer.BeginAsync(ct);
        }
        await _writer.WriteAsync(fresh, ct);
        holders.Wrote(fresh);
        Written += fresh.Count;
    }

    /// <summary>An all-or-nothing import met a bad row: nothing will be written, so the transaction ends now and frees the write lock.</summary>
    private async Task AbandonAsync()
    {
        _abandoned = true;
        if (_writer is null) return;
        await _writer.DisposeAsync();
        _writer = null;
        Written = 0;
    }

    private PostgresLoadPlan Plan(HolderLookup holders) => new(
        options.Indexes, options.RebuildIndexesFrom, holders.ExistingRows,
        options.ScopeCity is { } city ? [city] : RegionDirectory.Guangdong.Cities.Select(c => c.Code).ToList());

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
