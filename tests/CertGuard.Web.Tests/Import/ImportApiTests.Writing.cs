using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Registry.Import;
using CertGuard.Data;
using CertGuard.Data.Registry.Import;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Import;

/// <summary>How an import writes: one pass that rolls back whole when it fails, and the bar after a fraud revocation.</summary>
public abstract partial class ImportApiTests
{
    [Fact]
    public async Task A_failure_in_the_middle_of_writing_leaves_no_certificate_and_the_indexes_as_they_were()
    {
        // The file breaks off at two thirds, after several batches went in (and, on PostgreSQL, with the indexes dropped).
        var lines = await ImportFiles.SampleAsync(App, 3_000, seed: 111);
        var bytes = ImportFiles.Utf8(lines);
        var file = new ImportFile("broken.csv", () => new FailingStream(bytes, failAt: bytes.Length * 2 / 3));
        var options = new ImportOptions { BatchSize = 500, Indexes = BulkIndexMode.Rebuild };
        var before = await SnapshotAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CertificateImporter>();
            await Assert.ThrowsAsync<IOException>(() => importer.ImportAsync(file, options));
        }

        Assert.Equal(0, await CountAsync(ImportFiles.Numbers(lines)));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_file_past_its_row_limit_is_refused_whole_and_the_command_line_limit_takes_ten_million()
    {
        Assert.True(new ImportOptions().MaxRows < 10_000_000);
        Assert.True(ImportOptions.CommandLineMaxRows >= 10_000_000);
        var lines = await ImportFiles.SampleAsync(App, 40, seed: 112);
        var numbers = ImportFiles.Numbers(lines);
        var bytes = ImportFiles.Utf8(lines);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CertificateImporter>();
            var refused = await Assert.ThrowsAsync<ImportFileException>(() =>
                importer.ImportAsync(new ImportFile("big.csv", () => new MemoryStream(bytes)), new ImportOptions { MaxRows = 39, BatchSize = 10 }));
            Assert.Equal("IMPORT-TOO-LARGE", refused.Code);
        }
        Assert.Equal(0, await CountAsync(numbers));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CertificateImporter>();
            var report = await importer.ImportAsync(new ImportFile("big.csv", () => new MemoryStream(bytes)), new ImportOptions { MaxRows = 40, BatchSize = 10 });
            Assert.Equal(40, report.Written);
        }
        Assert.Equal(40, await CountAsync(numbers));
    }

    [Fact]
    public async Task A_revocation_for_fraud_in_the_registry_refuses_a_row_first_issued_within_its_bar()
    {
        var today = App.Today();
        var revokedOn = today.AddYears(-1);
        var lines = await ImportFiles.SampleAsync(App, 1, seed: 606, city: "440100");
        Row(lines, 2, "低压电工作业", revokedOn.AddYears(-4), ("已撤销", revokedOn, "以欺骗、贿赂等不正当手段取得"));
        var client = App.ApiClient(Role.ProvinceOffice.Id);
        Assert.Equal(HttpStatusCode.OK, (await ImportFiles.PostAsync(client, ImportFiles.Utf8(lines), "revoked.csv")).StatusCode);
        // The same holder: an item first issued after the revocation, and one held from before it.
        var later = new List<string>(lines) { lines[1], lines[1] };
        Row(later, 2, "高压电工作业", revokedOn.AddDays(30), null);
        Row(later, 3, "熔化焊接与热切割作业", revokedOn.AddYears(-2).AddMonths(2), null);
        Row(later, 4, "低压电工作业", revokedOn.AddYears(-4), ("已撤销", revokedOn, "以欺骗、贿赂等不正当手段取得"));

        var refused = await ImportFiles.PostAsync(client, ImportFiles.Utf8(later), "later.csv", partial: true);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var report = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 1, 1, 1), Counts(report));
        var issue = Assert.Single(report.GetProperty("issues").EnumerateArray());
        Assert.Equal((2, "证号", ImportErrors.ReapplyBarredCode), (issue.GetProperty("row").GetInt32(), issue.GetProperty("column").GetString(), issue.GetProperty("code").GetString()));
        await using var db = App.SystemDb();
        var number = ImportFiles.Cell(lines, 2, ImportColumn.Number);
        Assert.Equal(["1.2", "2.1"], await db.Certificates.Where(c => c.Number == number).Select(c => c.ItemCode).OrderBy(i => i).ToListAsync());
    }

    /// <summary>Row <paramref name="row"/> made a certificate of the item, first issued (and valid from) that day, active or in the state given.</summary>
    private static void Row(List<string> lines, int row, string item, DateOnly firstIssued, (string State, DateOnly On, string Reason)? status)
    {
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ImportFiles.Set(lines, row, ImportColumn.Category, item == "熔化焊接与热切割作业" ? "焊接与热切割作业" : "电工作业");
        ImportFiles.Set(lines, row, ImportColumn.Item, item);
        ImportFiles.Set(lines, row, ImportColumn.FirstIssuedOn, day(firstIssued));
        ImportFiles.Set(lines, row, ImportColumn.ValidFrom, day(firstIssued));
        ImportFiles.Set(lines, row, ImportColumn.ValidTo, day(firstIssued.AddYears(6).AddDays(-1)));
        ImportFiles.Set(lines, row, ImportColumn.NextReviewDue, "");
        ImportFiles.Set(lines, row, ImportColumn.Status, status?.State ?? "有效");
        ImportFiles.Set(lines, row, ImportColumn.StatusDate, status is { } s ? day(s.On) : "");
        ImportFiles.Set(lines, row, ImportColumn.StatusReason, status?.Reason ?? "");
    }

    /// <summary>What a failed load must leave as it found: counts of every table it writes, and the certificates' indexes and keys.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = App.SystemDb();
        var counts = (await db.Certificates.IgnoreQueryFilters().CountAsync(), await db.CertificateEvents.CountAsync(),
            await db.AuditEntries.CountAsync(), await db.StatusLists.CountAsync());
        return $"{counts}\n{string.Join('\n', await SchemaAsync())}";
    }

    /// <summary>The definitions of the certificates' and their history's indexes and keys, as the database gives them.</summary>
    protected async Task<List<string>> SchemaAsync()
    {
        await using var db = App.SystemDb();
        var schema = db.Database.IsNpgsql()
            ? """
              SELECT indexdef AS "Value" FROM pg_indexes WHERE tablename IN ('Certificates', 'CertificateEvents')
              UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint
              WHERE conrelid IN ('"Certificates"'::regclass, '"CertificateEvents"'::regclass)
              """
            : "SELECT sql AS \"Value\" FROM sqlite_master WHERE tbl_name IN ('Certificates', 'CertificateEvents') AND sql IS NOT NULL";
        return [.. (await db.Database.SqlQueryRaw<string>(schema).ToListAsync()).Order(StringComparer.Ordinal)];
    }

    /// <summary>A file that cannot be read past a point, as a disk error or a dropped network share would do.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAt) throw new IOException("The file could not be read.");
            return base.Read(buffer, offset, (int)Math.Min(count, failAt - Position));
        }

        public override int Read(Span<byte> buffer)
        {
            var read = new byte[buffer.Length];
            var count = Read(read, 0, read.Length);
            read.AsSpan(0, count).CopyTo(buffer);
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
