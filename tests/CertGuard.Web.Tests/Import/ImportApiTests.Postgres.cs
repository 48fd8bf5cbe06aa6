using CertGuard.Core.Certificates;
using CertGuard.Data.Registry.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Import;

/// <summary>
/// PostgreSQL's large-load path: past a threshold (set small here) an initial load drops the certificates' secondary
/// indexes and the history's key, and builds them again before it commits.
/// </summary>
public sealed partial class PostgresImportApiTests
{
    [Fact]
    public async Task A_load_larger_than_the_registry_rebuilds_the_indexes_once_past_the_threshold_and_leaves_them_as_they_were()
    {
        int existing;
        await using (var db = App.SystemDb()) existing = await db.Certificates.IgnoreQueryFilters().CountAsync();
        var lines = await ImportFiles.SampleAsync(App, existing + 1_500, seed: 707);
        var options = new ImportOptions { BatchSize = 500, RebuildIndexesFrom = 1_000 };
        var before = await SchemaAsync();

        var report = await ImportAsync(lines, options);

        Assert.Equal(existing + 1_500, report.Written);
        Assert.Equal(before, await SchemaAsync());
        await using (var db = App.SystemDb())
        {
            var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == CertificateImporter.AuditAction).OrderBy(e => e.Sequence).LastAsync();
            Assert.Contains("\"indexesRebuilt\":true", audit.After, StringComparison.Ordinal);
            // Every new certificate has its own status-list place and its history step, found through the rebuilt indexes.
            var numbers = ImportFiles.Numbers(lines);
            var imported = await db.Certificates.AsNoTracking().Include(c => c.History).Where(c => numbers.Contains(c.Number)).ToListAsync();
            Assert.Equal(existing + 1_500, imported.Count);
            Assert.All(imported, c => Assert.Equal(CertificateEventKind.Imported, Assert.Single(c.History).Kind));
            Assert.Equal(imported.Count, imported.Select(c => (c.StatusListId, c.StatusIndex)).Distinct().Count());
        }

        var again = await ImportAsync(lines, options);

        Assert.Equal((0, existing + 1_500), (again.Written, again.Unchanged));
    }

    [Fact]
    public async Task Keep_never_drops_the_indexes_whatever_the_size_of_the_load()
    {
        var lines = await ImportFiles.SampleAsync(App, 1_200, seed: 708);

        var report = await ImportAsync(lines, new ImportOptions { BatchSize = 500, RebuildIndexesFrom = 1, Indexes = BulkIndexMode.Keep });

        Assert.Equal(1_200, report.Written);
        await using var db = App.SystemDb();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == CertificateImporter.AuditAction).OrderBy(e => e.Sequence).LastAsync();
        Assert.Contains("\"indexesRebuilt\":false", audit.After, StringComparison.Ordinal);
    }

    private async Task<ImportReport> ImportAsync(List<string> lines, ImportOptions options)
    {
        var bytes = ImportFiles.Utf8(lines);
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificateImporter>().ImportAsync(new ImportFile("load.csv", () => new MemoryStream(bytes)), options);
    }
}
