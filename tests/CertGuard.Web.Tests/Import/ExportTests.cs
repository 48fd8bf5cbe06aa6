using System.Net;
using System.Text;
using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Core.Registry.Import;
using CertGuard.Data.Registry.Export;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CertGuard.Web.Tests.Import;

/// <summary>
/// <c>GET /api/v1/certificates/export</c>: the registry search as CSV or xlsx, in the account's scope, full numbers by
/// role only, formula-safe cells, one audit entry per export; an authority's full export imports back unchanged.
/// </summary>
public abstract class ExportTests(CertGuardApp app)
{
    private const string Guangzhou = "440100";

    [Fact]
    public async Task A_csv_export_holds_the_search_in_scope_with_masked_numbers_a_bom_and_the_import_header()
    {
        var response = await app.ApiClient(Role.ProvinceOffice.Id).GetAsync($"/api/v1/certificates/export?format=csv&city={Guangzhou}&status=Revoked");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Lines(bytes);
        Assert.Equal(string.Join(',', ImportColumns.All.Select(c => c.Header)), lines[0]);
        Assert.Equal(await CountAsync(new RegistryFilter(City: Guangzhou, State: CertificateState.Revoked)), lines.Count - 1);
        Assert.True(lines.Count > 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX],", l));
        Assert.All(lines.Skip(1), l => Assert.Contains(",已撤销,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Full_numbers_are_for_the_authority_and_province_office_only_and_each_export_is_audited()
    {
        var full = await app.ApiClient(Role.IssuingAuthority.Id).GetAsync("/api/v1/certificates/export?idNumbers=full&city=440300");
        var mine = await app.ApiClient(Role.IssuingAuthority.Id).GetAsync("/api/v1/certificates/export?idNumbers=full&status=Valid");
        var police = await app.ApiClient(Role.Police.Id).GetAsync("/api/v1/certificates/export?idNumbers=full");

        // Another city's filter does not widen a city account's scope.
        Assert.Single(Lines(await full.Content.ReadAsByteArrayAsync()));
        var rows = Lines(await mine.Content.ReadAsByteArrayAsync()).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, l => Assert.Matches(@"^\d{17}[\dX],.*,广州市,", l));
        await police.AssertProblemAsync(HttpStatusCode.Forbidden, "EXPORT-FULL-ID-FORBIDDEN");
        await using var db = app.SystemDb();
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Action == CertificateExporter.AuditAction).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("gz.authority", last.Actor);
        Assert.Contains($"\"rows\":{rows.Count}", last.After, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Valid\"", last.After, StringComparison.Ordinal);
        Assert.Contains("\"idNumbers\":\"full\"", last.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_that_would_run_as_formulas_are_neutralised_in_csv_and_xlsx()
    {
        var number = await AddCertificateNamedAsync("=HYPERLINK(\"http://evil.example\",\"点击\")");
        var client = app.ApiClient(Role.ProvinceOffice.Id);

        var csv = Lines(await client.GetByteArrayAsync($"/api/v1/certificates/export?q={number}&idNumbers=full"));
        var xlsx = await client.GetAsync($"/api/v1/certificates/export?format=xlsx&q={number}&idNumbers=full");

        Assert.StartsWith($"{number},\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\",", csv[1], StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"点击\")", row["姓名"]);
        Assert.Equal(number, row["证号"]);
    }

    [Fact]
    public async Task An_authoritys_full_export_imports_back_as_unchanged()
    {
        var client = app.ApiClient(Role.IssuingAuthority.Id);
        // Category 2: the formula test adds an item 1.1 certificate whose name the import (rightly) refuses.
        var export = await client.GetByteArrayAsync("/api/v1/certificates/export?idNumbers=full&category=2");

        var response = await ImportFiles.PostAsync(client, export, "export.csv");

        var report = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, report);
        var rows = Lines(export).Count - 1;
        Assert.True(rows > 0);
        Assert.Contains($"\"rows\":{rows},\"written\":0,\"unchanged\":{rows},\"rejected\":0", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_export_of_an_empty_search_still_has_its_header()
    {
        using var stream = new MemoryStream(await app.ApiClient(Role.Police.Id).GetByteArrayAsync("/api/v1/certificates/export?format=xlsx&q=不存在的姓名"));

        var header = (IDictionary<string, object>)MiniExcel.Query(stream, useHeaderRow: false).First();

        Assert.Equal(ImportColumns.All.Select(c => c.Header), header.Values.Cast<string>());
    }

    private static List<string> Lines(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    private async Task<int> CountAsync(RegistryFilter filter)
    {
        await using var db = app.SystemDb();
        return await filter.Apply(db.Certificates.AsNoTracking(), app.Today(), app.Rules()).CountAsync();
    }

    /// <summary>A name the import would refuse, as another system might have stored it.</summary>
    private async Task<string> AddCertificateNamedAsync(string name)
    {
        await using var db = app.SystemDb();
        var authority = await db.Organisations.FirstAsync(o => o.Kind == Role.IssuingAuthority.Id && o.RegionCode == Guangzhou);
        var first17 = $"440106{new DateOnly(1980, 1, 1).AddDays(Random.Shared.Next(9000)):yyyyMMdd}{Random.Shared.Next(100, 999)}";
        var holder = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17), app.Today());
        // The platform refuses such a name (HolderNames); another system's record is written past the rule.
        var certificate = Certificate.Issue(new IssueRequest(holder, "张三", "1.1", app.Today().AddYears(-1), Guangzhou, authority.Id, null, "test"), app.Rules(), app.Clock());
        db.Certificates.Add(certificate);
        db.Entry(certificate).Property(c => c.HolderName).CurrentValue = name;
        await db.SaveChangesAsync();
        return holder.Value;
    }
}

public sealed class SqliteExportTests(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresExportTests(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
