using System.Runtime.CompilerServices;
using System.Text.Json;
using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Registry.Export;

/// <summary>What to export: a registry search, the file format, and whether ID numbers are written in full.</summary>
public sealed record ExportRequest(RegistryFilter Filter, ExportFormat Format, bool FullIdNumbers);

/// <summary>
/// Exports a registry search (what the account may see of it: the context's scope filter applies) as CSV or xlsx.
/// The export is audited before a row leaves: who, which filter, how many rows, full or masked numbers.
/// </summary>
public sealed class CertificateExporter(CertGuardDbContext db, TimeProvider clock, CertificateRules rules)
{
    public const string AuditAction = "export";

    /// <summary>Counts the rows, refuses an xlsx too large for a sheet, and records the export in the audit log.</summary>
    /// <returns>The number of rows the export will hold.</returns>
    public async Task<int> PrepareAsync(ExportRequest request, CancellationToken ct)
    {
        var count = await Query(request.Filter).CountAsync(ct);
        if (request.Format == ExportFormat.Xlsx && count > SpreadsheetWriters.MaxXlsxRows)
            throw new ExportTooLargeException(count);
        var filter = request.Filter;
        db.AddAuditEntry(AuditAction, nameof(Certificate), "*", JsonSerializer.Serialize(new
        {
            format = request.Format.ToString().ToLowerInvariant(),
            filter = new { q = filter.Q, city = filter.City, category = filter.Category, status = filter.State?.ToString() },
            rows = count,
            idNumbers = request.FullIdNumbers ? "full" : "masked",
        }, AuditJson));
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>Writes the rows (call <see cref="PrepareAsync"/> first). xlsx is written synchronously: give it a file, not a response body.</summary>
    public async Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        if (request.Format == ExportFormat.Csv)
            await SpreadsheetWriters.WriteCsvAsync(output, ExportRows.Headers, RowsAsync(request, ct), ct);
        else
            SpreadsheetWriters.WriteXlsx(output, ExportRows.Headers, Ordered(request.Filter).AsEnumerable().Select(c => Row(c, request)));
    }

    private async IAsyncEnumerable<string[]> RowsAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var certificate in Ordered(request.Filter).AsAsyncEnumerable().WithCancellation(ct)) yield return Row(certificate, request);
    }

    private string[] Row(Certificate certificate, ExportRequest request) =>
        ExportRows.Cells(certificate, certificate.StateAt(clock, rules), request.FullIdNumbers);

    private IQueryable<Certificate> Query(RegistryFilter filter) =>
        filter.Apply(db.Certificates.AsNoTracking(), Core.Time.ChinaTime.Today(clock), rules);

    private IQueryable<Certificate> Ordered(RegistryFilter filter) =>
        Query(filter).OrderBy(c => c.RegionCode).ThenBy(c => c.Number).ThenBy(c => c.ItemCode);

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>An xlsx sheet cannot hold the rows asked for.</summary>
public sealed class ExportTooLargeException(int rows)
    : Exception($"共 {rows:N0} 行，超过 Excel 工作表的上限（{SpreadsheetWriters.MaxXlsxRows:N0} 行）：请缩小查询范围，或导出为 CSV。")
{
    public int Rows { get; } = rows;
}
