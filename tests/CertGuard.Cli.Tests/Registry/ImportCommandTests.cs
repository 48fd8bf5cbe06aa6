using System.Text;
using CertGuard.Cli.Tests.Support;
using CertGuard.Core.Certificates;
using CertGuard.Core.Registry.Import;
using CertGuard.Data.Database;
using CertGuard.Data.Registry.Import;
using CertGuard.Testing;
using MiniExcelLibs;

namespace CertGuard.Cli.Tests.Registry;

public sealed class SqliteImportCommandTests() : ImportCommandTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportCommandTests() : ImportCommandTests(DatabaseProvider.Postgres);

/// <summary>
/// <c>certguard import</c>, <c>export</c>, <c>import-template</c> and <c>import-sample</c> on a real database, with
/// their exit codes: 0 every row in the registry, 1 rows rejected, 2 could not run.
/// </summary>
public abstract class ImportCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] ValidStates = ["有效", "待复审"];

    private TestDatabase _database = null!;
    private string _folder = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("certguard-import-").FullName;
        var seed = await RunAsync("seed", "--certificates", "20", "--seed", "7");
        Assert.True(seed.ExitCode == 0, seed.ToString());
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_good_file_imports_with_exit_0_and_again_changes_nothing()
    {
        var file = await SampleAsync(300, seed: 31);

        // Rebuilding the indexes is PostgreSQL's large-load path; SQLite has none and ignores the option.
        var first = await RunAsync("import", file, "--indexes", "rebuild");
        var again = await RunAsync("import", file, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("共 300 行，写入 300 行，未变 0 行，拒绝 0 行", first.Stdout, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("\"written\": 0", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"unchanged\": 300", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(320, await RawSql.ScalarAsync<int>(_database, "SELECT COUNT(*) FROM \"Certificates\""));
        Assert.Equal(1, await RawSql.ScalarAsync<int>(_database, "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Action\" = 'import'"));
        Assert.Equal(provider == DatabaseProvider.Postgres ? 1 : 0, await RawSql.ScalarAsync<int>(_database,
            "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Action\" = 'import' AND \"After\" LIKE '%\"indexesRebuilt\":true%'"));
        Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);
        Assert.Equal(2, (await RunAsync("import", file, "--indexes", "sometimes")).ExitCode);
    }

    [Fact]
    public async Task Rejected_rows_exit_1_and_write_nothing_unless_partial()
    {
        var file = await SampleAsync(50, seed: 32, spoil: lines => lines[3] = lines[3].Replace(",广州市,", ",纽约市,", StringComparison.Ordinal), city: "440100");

        var refused = await RunAsync("import", file);
        var partial = await RunAsync("import", file, "--partial");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("第 4 行［发证机关］ IMPORT-CITY-UNKNOWN", refused.Stdout, StringComparison.Ordinal);
        Assert.Contains("未写入任何证书", refused.Stdout, StringComparison.Ordinal);
        Assert.True(partial.ExitCode == 1, partial.ToString());
        Assert.Contains("写入 49 行", partial.Stdout, StringComparison.Ordinal);
        Assert.Equal(69, await RawSql.ScalarAsync<int>(_database, "SELECT COUNT(*) FROM \"Certificates\""));
    }

    [Fact]
    public async Task An_authoritys_import_refuses_another_citys_rows()
    {
        var file = await SampleAsync(5, seed: 33, city: "440300");

        var run = await RunAsync("import", file, "--authority", "440100");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(5, run.Stdout.Split('\n').Count(l => l.Contains("IMPORT-CITY-SCOPE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_gb18030_file_and_an_xlsx_file_both_import()
    {
        var csv = await SampleAsync(10, seed: 34);
        var gb = Path.Combine(_folder, "gbk.csv");
        await File.WriteAllBytesAsync(gb, CsvRows.Gb18030.GetBytes((await File.ReadAllTextAsync(csv)).TrimStart('\uFEFF')));
        var xlsx = Path.Combine(_folder, "sheet.xlsx");
        var lines = (await File.ReadAllLinesAsync(await SampleAsync(10, seed: 35))).Select(l => l.TrimStart('\uFEFF')).ToList();
        var headers = lines[0].Split(',');
        MiniExcel.SaveAs(xlsx, lines.Skip(1).Select(l => headers.Zip(l.Split(',')).ToDictionary(p => p.First, p => (object)p.Second)).ToList());

        Assert.Equal(0, (await RunAsync("import", gb)).ExitCode);
        var sheet = await RunAsync("import", xlsx);
        Assert.True(sheet.ExitCode == 0, sheet.ToString());
        Assert.Contains("写入 10 行", sheet.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("xls")]
    [InlineData("authority")]
    public async Task What_cannot_run_exits_2_with_a_chinese_reason(string what)
    {
        var file = Path.Combine(_folder, "old.xls");
        await File.WriteAllBytesAsync(file, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        string[] args = what switch
        {
            "missing" => ["import", Path.Combine(_folder, "nothing.csv")],
            "xls" => ["import", file],
            _ => ["import", await SampleAsync(1, seed: 36), "--authority", "999999"],
        };

        var run = await RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("错误：", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_search_masked_or_in_full_and_is_audited()
    {
        await RunAsync("import", await SampleAsync(40, seed: 37, city: "440100"));
        var masked = Path.Combine(_folder, "masked.csv");
        var full = Path.Combine(_folder, "full.xlsx");

        var one = await RunAsync("export", "--city", "440100", "-o", masked);
        var two = await RunAsync("export", "--format", "xlsx", "--city", "440100", "--status", "valid", "--full-id", "-o", full);
        var bad = await RunAsync("export", "--status", "Bogus", "-o", masked);

        Assert.True(one.ExitCode == 0, one.ToString());
        var lines = (await File.ReadAllLinesAsync(masked, Encoding.UTF8)).Skip(1).ToList();
        Assert.Equal(await RawSql.ScalarAsync<int>(_database, "SELECT COUNT(*) FROM \"Certificates\" WHERE \"RegionCode\" = '440100'"), lines.Count);
        Assert.All(lines, l => Assert.Contains("**********", l, StringComparison.Ordinal));
        Assert.True(two.ExitCode == 0, two.ToString());
        var rows = MiniExcel.Query(full, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"^\d{17}[\dX]$", (string)r["证号"]));
        Assert.All(rows, r => Assert.Contains((string)r["状态"], ValidStates));
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(2, await RawSql.ScalarAsync<int>(_database, "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Action\" = 'export'"));
    }

    [Fact]
    public async Task The_template_has_the_import_header_and_its_instructions()
    {
        var file = Path.Combine(_folder, "template.xlsx");

        var run = await CliRun.RunAsync("import-template", "-o", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["证书", "填写说明", "作业类别与操作项目", "发证机关", "状态与原因"], MiniExcel.GetSheetNames(file));
        var header = (IDictionary<string, object>)MiniExcel.Query(file, useHeaderRow: false).First();
        Assert.Equal(ImportColumns.All.Select(c => c.Header), header.Values.Cast<string>());
    }

    private async Task<string> SampleAsync(int rows, int seed, Action<List<string>>? spoil = null, string? city = null)
    {
        var path = Path.Combine(_folder, $"sample-{seed}.csv");
        await using (var stream = File.Create(path))
            await SampleImportFile.WriteCsvAsync(stream, rows, seed, TimeProvider.System, CertificateRules.Order30, city);
        if (spoil is null) return path;
        var lines = (await File.ReadAllLinesAsync(path, Encoding.UTF8)).ToList();
        spoil(lines);
        await File.WriteAllLinesAsync(path, lines, new UTF8Encoding(true));
        return path;
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--database-provider", provider.ToString(), "--connection-string", _database.ConnectionString]);
}
