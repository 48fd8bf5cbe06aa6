using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using CertGuard.Core.Registry.Import;
using CertGuard.Data.Audit;
using CertGuard.Data.Registry;
using CertGuard.Data.Registry.Import;
using CertGuard.Testing;
using CertGuard.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Web.Tests.Import;

/// <summary>
/// <c>POST /api/v1/certificates/imports</c> on a real database: every bad row is reported by row and column, nothing is
/// written unless every row is good (or partial is asked for), a re-import changes nothing.
/// </summary>
public abstract partial class ImportApiTests(CertGuardApp app)
{
    [Fact]
    public async Task Ten_thousand_rows_with_three_bad_ones_are_reported_and_nothing_written_then_partial_writes_the_rest_and_a_reimport_changes_nothing()
    {
        var lines = await ImportFiles.SampleAsync(app, 10_000, seed: 101);
        var id = ImportFiles.Cell(lines, 101, ImportColumn.Number);
        ImportFiles.Set(lines, 101, ImportColumn.Number, id[..17] + (id[17] == '1' ? '2' : '1'));
        ImportFiles.Set(lines, 5002, ImportColumn.Item, "不存在的作业");
        var from = DateOnly.Parse(ImportFiles.Cell(lines, 9999, ImportColumn.ValidFrom), System.Globalization.CultureInfo.InvariantCulture);
        ImportFiles.Set(lines, 9999, ImportColumn.ValidTo, from.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var file = ImportFiles.Utf8(lines);
        var client = app.ApiClient(Role.ProvinceOffice.Id);
        var numbers = ImportFiles.Numbers(lines);
        long sequenceBefore;
        await using (var db = app.SystemDb()) sequenceBefore = await db.LastChangeSequenceAsync();

        var all = await ImportFiles.PostAsync(client, file, "registry.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, all.StatusCode);
        var report = await all.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((10_000, 0, 0, 3), Counts(report));
        Assert.Equal(
            [(101, "证号", "ID-CHECK"), (5002, "操作项目", "IMPORT-ITEM-UNKNOWN"), (9999, "有效期止", "IMPORT-DATE-ORDER")],
            report.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString()!, i.GetProperty("code").GetString()!)));
        Assert.Equal(0, await CountAsync(numbers));

        var partial = await ImportFiles.PostAsync(client, file, "registry.csv", partial: true);

        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal((10_000, 9_997, 0, 3), Counts(await partial.Content.ReadFromJsonAsync<JsonElement>()));
        await using (var db = app.SystemDb())
        {
            var imported = await db.Certificates.AsNoTracking().Include(c => c.History).Where(c => numbers.Contains(c.Number)).ToListAsync();
            Assert.Equal(9_997, imported.Count);
            // Each has its history step and a status-list place of its own, with the bit set when it is not active.
            Assert.All(imported, c => Assert.Equal(CertificateEventKind.Imported, Assert.Single(c.History).Kind));
            Assert.Equal(9_997, imported.Select(c => (c.StatusListId, c.StatusIndex)).Distinct().Count());
            var lists = (await db.StatusLists.AsNoTracking().ToListAsync()).ToDictionary(l => l.Id, l => StatusList.FromBytes(l.Bits));
            Assert.All(imported, c => Assert.Equal(c.StatusBit, lists[c.StatusListId!][c.StatusIndex!.Value]));
            Assert.Contains(imported, c => c.Status == CertificateStatus.Revoked);
            // The change feed numbers them after every step before, consecutively.
            var sequences = await db.CertificateEvents.AsNoTracking().Where(e => e.Kind == CertificateEventKind.Imported)
                .Select(e => EF.Property<long>(e, ChangeSequence.Property)).OrderBy(s => s).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 9_997).Select(i => sequenceBefore + i), sequences.Where(s => s > sequenceBefore));
            var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "import").ToListAsync();
            Assert.Contains(audit, e => e.After!.Contains("\"written\":9997", StringComparison.Ordinal) && e.Actor == "gd.province");
            Assert.True((await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), app.Services.GetRequiredService<AuditSeal>(), [])).Intact);
        }

        var again = await ImportFiles.PostAsync(client, file, "registry.csv", partial: true);

        Assert.Equal((10_000, 0, 9_997, 3), Counts(await again.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(9_997, await CountAsync(numbers));
    }

    [Fact]
    public async Task A_GB18030_file_as_Chinese_offices_save_it_imports_with_its_names_intact()
    {
        var lines = await ImportFiles.SampleAsync(app, 30, seed: 202);

        var response = await ImportFiles.PostAsync(app.ApiClient(Role.ProvinceOffice.Id), ImportFiles.Gb18030(lines), "广州导出.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((30, 30, 0, 0), Counts(await response.Content.ReadFromJsonAsync<JsonElement>()));
        var number = ImportFiles.Cell(lines, 2, ImportColumn.Number);
        var item = ImportFiles.Cell(lines, 2, ImportColumn.Item);
        await using var db = app.SystemDb();
        var stored = await db.Certificates.AsNoTracking().Where(c => c.Number == number).ToListAsync();
        Assert.Contains(stored, c => c.HolderName == ImportFiles.Cell(lines, 2, ImportColumn.Name) && CertificateLabels.Item(c.ItemCode) == item);
    }

    [Fact]
    public async Task An_xlsx_file_imports_and_formula_cells_are_refused_with_their_row()
    {
        var lines = await ImportFiles.SampleAsync(app, 20, seed: 303);
        ImportFiles.Set(lines, 5, ImportColumn.Name, "=HYPERLINK(\"http://evil.example\";\"点击\")");
        var file = ImportFiles.Xlsx(lines, formulaCells: "B8");
        var client = app.ApiClient(Role.ProvinceOffice.Id);

        var refused = await ImportFiles.PostAsync(client, file, "registry.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var report = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            [(5, "姓名", "IMPORT-FORMULA-TEXT"), (8, "姓名", "IMPORT-FORMULA")],
            report.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("column").GetString()!, i.GetProperty("code").GetString()!)));

        var partial = await ImportFiles.PostAsync(client, file, "registry.xlsx", partial: true);

        Assert.Equal((20, 18, 0, 2), Counts(await partial.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(18, await CountAsync(ImportFiles.Numbers([.. lines.Where((_, i) => i + 1 is not (5 or 8))])));
    }

    [Fact]
    public async Task A_Guangzhou_authority_cannot_import_Shenzhen_certificates()
    {
        var lines = await ImportFiles.SampleAsync(app, 5, seed: 404, city: "440100");
        lines.Add((await ImportFiles.SampleAsync(app, 1, seed: 405, city: "440300"))[1]);
        var client = app.ApiClient(Role.IssuingAuthority.Id);

        var refused = await ImportFiles.PostAsync(client, ImportFiles.Utf8(lines), "mixed.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var issue = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issues").EnumerateArray());
        Assert.Equal((7, "发证机关", "IMPORT-CITY-SCOPE"), (issue.GetProperty("row").GetInt32(), issue.GetProperty("column").GetString(), issue.GetProperty("code").GetString()));
        Assert.Equal(0, await CountAsync(ImportFiles.Numbers(lines)));

        var partial = await ImportFiles.PostAsync(client, ImportFiles.Utf8(lines), "mixed.csv", partial: true);

        Assert.Equal((6, 5, 0, 1), Counts(await partial.Content.ReadFromJsonAsync<JsonElement>()));
        await using var db = app.SystemDb();
        Assert.Equal(0, await db.Certificates.CountAsync(c => c.Number == ImportFiles.Cell(lines, 7, ImportColumn.Number) && c.RegionCode == "440300"));
    }

    [Theory]
    [InlineData("police")]
    [InlineData("employer")]
    [InlineData("city-office")]
    public async Task Accounts_other_than_the_authority_and_province_office_may_not_import(string role)
    {
        var lines = await ImportFiles.SampleAsync(app, 1, seed: 505, city: "440100");

        var response = await ImportFiles.PostAsync(app.ApiClient(role), ImportFiles.Utf8(lines), "x.csv");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_file_without_a_required_column_or_not_a_spreadsheet_is_refused_whole()
    {
        var client = app.ApiClient(Role.ProvinceOffice.Id);

        var missing = await ImportFiles.PostAsync(client, System.Text.Encoding.UTF8.GetBytes("证号,姓名\r\n440106198505201230,张三\r\n"), "short.csv");
        var xls = await ImportFiles.PostAsync(client, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "old.xls");
        var none = await client.PostAsync("/api/v1/certificates/imports", new MultipartFormDataContent { { new StringContent("true"), "partial" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var issues = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issues").EnumerateArray().ToList();
        Assert.All(issues, i => Assert.Equal((1, "IMPORT-COLUMN-MISSING"), (i.GetProperty("row").GetInt32(), i.GetProperty("code").GetString())));
        Assert.Contains(issues, i => i.GetProperty("column").GetString() == "操作项目");
        await xls.AssertProblemAsync(HttpStatusCode.BadRequest, "IMPORT-XLS");
        await none.AssertProblemAsync(HttpStatusCode.BadRequest, "IMPORT-FILE-REQUIRED");
    }

    [Fact]
    public async Task The_template_downloads_as_xlsx_with_its_instructions_and_as_csv()
    {
        var client = app.ApiClient(Role.IssuingAuthority.Id);

        var xlsx = await client.GetAsync("/api/v1/certificates/imports/template?format=xlsx");
        var csv = await client.GetStringAsync("/api/v1/certificates/imports/template?format=csv");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains("填写说明", MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        Assert.Equal(string.Join(',', ImportColumns.All.Select(c => c.Header)), csv.TrimStart('\uFEFF').TrimEnd());
    }

    protected static (int Rows, int Written, int Unchanged, int Rejected) Counts(JsonElement report) => (
        report.GetProperty("rows").GetInt32(), report.GetProperty("written").GetInt32(),
        report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetInt32());

    protected CertGuardApp App => app;

    protected async Task<int> CountAsync(IReadOnlyList<string> numbers)
    {
        await using var db = app.SystemDb();
        return await db.Certificates.CountAsync(c => numbers.Contains(c.Number));
    }
}

public sealed class SqliteImportApiTests(SqliteApp app) : ImportApiTests(app), IClassFixture<SqliteApp>;

public sealed partial class PostgresImportApiTests(PostgresApp app) : ImportApiTests(app), IClassFixture<PostgresApp>;
