using System.Threading.Channels;
using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;

namespace CertGuard.Data.Registry.Import;

/// <summary>One data row after its own checks: the certificate it describes, or why it was refused.</summary>
internal readonly record struct CheckedRow(int Row, RecordedCertificate? Record, IReadOnlyList<ImportIssue> Issues);

/// <summary>
/// Reads and checks the rows of a file on a worker thread (each row on its own, and against the rows before it: the
/// same certificate twice), a batch at a time and at most two batches ahead of the importer, which meanwhile looks
/// batches up in the registry and writes them. Parsing and checking is the client's largest cost; run beside the
/// database work it no longer adds to it.
/// </summary>
internal static class ImportReader
{
    private static readonly IReadOnlyList<ImportIssue> NoIssues = [];

    public static (ChannelReader<List<CheckedRow>> Batches, Task Reading) Start(ImportTable table, ImportContext context, int batchSize, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<List<CheckedRow>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        // Not given the token: a task cancelled before it starts would never complete the channel.
        var reading = Task.Run(async () =>
        {
            try
            {
                await ReadAsync(table, context, batchSize, channel.Writer, ct);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        return (channel.Reader, reading);
    }

    private static async Task ReadAsync(ImportTable table, ImportContext context, int batchSize, ChannelWriter<List<CheckedRow>> output, CancellationToken ct)
    {
        var validator = new ImportRowValidator(table.Header, context);
        var keys = new ImportKeys();
        var numberColumn = table.Header.NameOf(ImportColumn.Number);
        var issues = new List<ImportIssue>();
        var batch = new List<CheckedRow>(batchSize);
        foreach (var row in table.Rows())
        {
            ct.ThrowIfCancellationRequested();
            issues.Clear();
            var record = validator.Validate(row, issues);
            if (record is not null && keys.Add(record.Holder, record.ItemCode, row.Number) is { } first)
            {
                issues.Add(ImportErrors.Duplicate(row.Number, numberColumn, first));
                record = null;
            }
            batch.Add(new CheckedRow(row.Number, record, record is not null ? NoIssues : [.. issues]));
            if (batch.Count < batchSize) continue;
            await output.WriteAsync(batch, ct);
            batch = new List<CheckedRow>(batchSize);
        }
        if (batch.Count > 0) await output.WriteAsync(batch, ct);
    }
}
