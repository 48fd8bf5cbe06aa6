using System.Net;
using System.Text;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Data.Employers;
using CertGuard.Data.Registry.Import;
using CertGuard.Testing;
using CertGuard.Web.Features.Registry.Import;
using CertGuard.Web.Tests.Employers;
using CertGuard.Web.Tests.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Tests.Uploads;

/// <summary>
/// Spreadsheet bombs (issue 18, item 2) at the roster check and the registry import, API and pages: each is refused
/// with a problem and its code before the spreadsheet reader sees it; a burst of uploads beyond the host's readers is
/// answered 503 with Retry-After; a request given up stops the reading. How fast: docs/benchmarks.md.
/// </summary>
public abstract class SpreadsheetBombTests(CertGuardApp app)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>(bomb, roster's status and code, import's status and code).</summary>
    public static TheoryData<string, int, string, int, string> Bombs => new()
    {
        { "ZZ20000", 422, "XLSX-COLUMNS", 422, "XLSX-COLUMNS" },
        { "ZZ200000", 413, "XLSX-ROWS", 422, "XLSX-COLUMNS" },   // past the roster's 100,000 rows (Employers:MaxRosterRows)
        { "XFD1048576", 413, "XLSX-ROWS", 422, "XLSX-COLUMNS" },
        { "C1048576", 413, "XLSX-ROWS", 422, "XLSX-SPARSE" },
        { "inline-256MB", 413, "XLSX-PART-TOO-LARGE", 413, "XLSX-COMPRESSION" },
        { "inline-100k-characters", 413, "XLSX-CELL-TOO-LONG", 413, "XLSX-CELL-TOO-LONG" },
        { "shared-strings-70MB", 413, "XLSX-PART-TOO-LARGE", 413, "XLSX-COMPRESSION" },
        { "shared-string-100k-characters", 413, "XLSX-CELL-TOO-LONG", 413, "XLSX-CELL-TOO-LONG" },
        { "declares-more-than-it-holds", 422, "XLSX-SIZE-MISMATCH", 422, "XLSX-SIZE-MISMATCH" },
        { "declares-less-than-it-holds", 400, "ROSTER-XLSX-DAMAGED", 400, "IMPORT-XLSX-DAMAGED" },
    };

    internal static byte[] Build(string bomb) => bomb switch
    {
        "inline-256MB" => SpreadsheetBombs.LongInlineString(256 * Megabyte),
        "inline-100k-characters" => SpreadsheetBombs.LongInlineString(100_000, varied: true),
        "shared-strings-70MB" => SpreadsheetBombs.HugeSharedStrings(70 * Megabyte, oneString: false),
        "shared-string-100k-characters" => SpreadsheetBombs.HugeSharedStrings(100_000, oneString: true),
        "declares-more-than-it-holds" => SpreadsheetBombs.LyingSizes(actual => actual + 5_000),
        "declares-less-than-it-holds" => SpreadsheetBombs.LyingSizes(_ => 1_000),
        _ => SpreadsheetBombs.OneFarCell(bomb),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_bomb_is_refused_by_the_roster_check_and_the_import_with_a_problem_and_its_code(
        string bomb, int rosterStatus, string rosterCode, int importStatus, string importCode)
    {
        var file = Build(bomb);
        var employer = await app.NewEmployerAsync();

        var roster = await employer.Api.UploadAsync(file, "名册.xlsx");
        var import = await ImportFiles.PostAsync(app.ApiClient(Role.ProvinceOffice.Id), file, "registry.xlsx");

        var problem = await roster.AssertProblemAsync((HttpStatusCode)rosterStatus, rosterCode);
        Assert.True(Http.HasChinese(problem.GetProperty("title").GetString()));
        await import.AssertProblemAsync((HttpStatusCode)importStatus, importCode);
    }

    [Fact]
    public async Task The_roster_page_and_the_import_page_refuse_a_bomb_with_its_code()
    {
        var employer = await app.NewEmployerAsync();
        var page = await app.SignedInClientAsync(employer.UserName, employer.Password);
        var authority = await app.SignedInClientAsync(Role.IssuingAuthority.Id);
        var bomb = SpreadsheetBombs.OneFarCell("ZZ20000");

        var roster = await PostPageAsync(page, "/roster", bomb);
        var import = await PostPageAsync(authority, "/registry/import", bomb);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, roster.StatusCode);
        Assert.Contains("data-code=\"XLSX-COLUMNS\"", await roster.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, import.StatusCode);
        Assert.Contains("data-code=\"XLSX-COLUMNS\"", await import.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_record_longer_than_any_row_is_refused_before_it_is_held()
    {
        var employer = await app.NewEmployerAsync();
        var csv = Encoding.UTF8.GetBytes(RosterArrangement.Header + "\r\n\"" + new string('张', 2 * 1024 * 1024) + "\",1,电工\r\n");

        var response = await employer.Api.UploadAsync(csv);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "CSV-RECORD-TOO-LONG");
    }

    [Fact]
    public async Task Uploads_beyond_the_hosts_spreadsheet_readers_are_answered_503_with_retry_after()
    {
        var employer = await app.NewEmployerAsync();
        var worker = await app.IssueOneAsync("1.1");
        var roster = ImportFiles.Utf8([RosterArrangement.Header, RosterArrangement.Line(worker)]);
        var gate = app.Services.GetRequiredService<SpreadsheetGate>();
        var readers = app.Services.GetRequiredService<IOptions<UploadOptions>>().Value.EffectiveParses;
        var held = new List<IDisposable>();
        for (var i = 0; i < readers; i++) held.Add(await gate.EnterAsync(CancellationToken.None));

        var busy = await employer.Api.UploadAsync(roster);
        var import = await ImportFiles.PostAsync(app.ApiClient(Role.ProvinceOffice.Id), roster, "registry.csv");
        held.ForEach(h => h.Dispose());
        var free = await employer.Api.UploadAsync(roster);

        await busy.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "UPLOAD-BUSY");
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await import.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "UPLOAD-BUSY");
        Assert.NotNull(import.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }

    [Fact]
    public void A_request_given_up_stops_the_reading()
    {
        var xlsx = ImportFiles.Xlsx([RosterArrangement.Header, "张三,440104197501010011,电工"]);
        var csv = ImportFiles.Utf8([RosterArrangement.Header, "张三,440104197501010011,电工"]);
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => XlsxGuard.Inspect(new MemoryStream(xlsx), XlsxLimits.Import, aborted.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => RosterFile.Read(new MemoryStream(xlsx), 100, aborted.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => RosterFile.Read(new MemoryStream(csv), 100, aborted.Token));
        // Not cancelled, the same files read.
        Assert.Single(RosterFile.Read(new MemoryStream(xlsx), 100, CancellationToken.None));
    }

    [Fact]
    public void An_ordinary_workbook_passes_the_guard_with_its_formula_cells()
    {
        var xlsx = ImportFiles.Xlsx([RosterArrangement.Header, "张三,440104197501010011,电工", "李四,440104197501020017,电工"], "A3");

        var inspection = XlsxGuard.Inspect(new MemoryStream(xlsx), XlsxLimits.Roster(100), CancellationToken.None);

        Assert.Equal([(3, 0)], inspection.Formulas);
        Assert.Equal(3, inspection.Rows);
        var refusal = Assert.Throws<DomainRuleException>(() => XlsxGuard.Inspect(new MemoryStream(xlsx), XlsxLimits.Roster(100) with { MaxRows = 2 }, CancellationToken.None));
        Assert.Equal(("XLSX-ROWS", RefusalKind.TooLarge), (refusal.Code, refusal.Kind));
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string path, byte[] file)
    {
        var token = CertGuardApp.AntiforgeryToken(await client.GetStringAsync(path));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "Upload", "bomb.xlsx" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync(path, form);
    }
}

public sealed class SqliteSpreadsheetBombTests(SqliteApp app) : SpreadsheetBombTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpreadsheetBombTests(PostgresApp app) : SpreadsheetBombTests(app), IClassFixture<PostgresApp>;
