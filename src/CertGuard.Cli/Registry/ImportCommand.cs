using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CertGuard.Cli.Hosting;
using CertGuard.Core.Regions;
using CertGuard.Data;
using CertGuard.Data.Registry.Import;

namespace CertGuard.Cli.Registry;

/// <summary>
/// <c>certguard import FILE [--partial] [--authority CODE] [--indexes auto|keep|rebuild] [--json]</c>: bulk import of certificates from CSV (UTF-8 or
/// GB18030) or xlsx. Exit 0 when every row is in the registry (written or unchanged), 1 when rows were rejected
/// (nothing written unless --partial), 2 when the import could not run.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "要导入的 CSV 或 xlsx 文件（格式见 docs/import-export.md；模板：certguard import-template）。" };
        var partial = new Option<bool>("--partial") { Description = "只导入正确的行，并报告其余行；默认只要有一行错误就不写入任何证书。" };
        var authority = new Option<string?>("--authority")
        {
            Description = "以该市发证机关的身份导入（地级以上市行政区划代码，如 440100）：其他城市的行将被拒绝。默认为全省。",
            HelpName = "城市代码",
        };
        var indexes = new Option<string>("--indexes")
        {
            Description = "PostgreSQL 大批量导入时的索引处理：auto（默认：写入超过 2 万行且不少于库中原有证书时，先删除证书表的辅助索引，提交前重建；期间查询证书会等待）、keep（始终保留索引，系统照常查询）、rebuild（从第一行起重建）。",
            DefaultValueFactory = _ => "auto",
        };
        indexes.AcceptOnlyFromAmong("auto", "keep", "rebuild");
        var json = new Option<bool>("--json") { Description = "以 JSON 输出导入报告（计数和每一处错误）。" };
        var command = new Command("import", "批量导入证书：先校验整个文件，逐行报告错误（行号、列、原因）；全部正确才写入（或用 --partial 只写入正确的行）。重复导入同一文件不会改变任何数据。")
        {
            file, partial, authority, indexes, json,
        };
        command.SetAction(CommandFailure.Guard("导入证书", (parsed, stdout, ct) => RunAsync(
            parsed, global, parsed.GetValue(file)!,
            new ImportOptions(parsed.GetValue(partial), parsed.GetValue(authority)?.Trim())
            {
                Indexes = Enum.Parse<BulkIndexMode>(parsed.GetValue(indexes)!, ignoreCase: true),
                // A province's whole registry in one file; uploads through the web stay at the default.
                MaxRows = ImportOptions.CommandLineMaxRows,
            },
            parsed.GetValue(json), stdout, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, GlobalOptions global, FileInfo file, ImportOptions options, bool json, TextWriter stdout, CancellationToken ct)
    {
        if (!file.Exists) throw new CliException($"文件“{file.FullName}”不存在。");
        if (options.ScopeCity is { } city && !RegionDirectory.Guangdong.IsCity(city))
            throw new CliException($"“{city}”不是广东省地级以上市的发证机关代码（如 440100 广州市）。");

        await using var scope = CliHost.CreateScope(parsed, global);
        var db = scope.Get<CertGuardDbContext>();
        await DatabaseReadiness.EnsureMigratedAsync(db, ct);
        var clock = Stopwatch.StartNew();
        ImportReport report;
        try
        {
            report = await scope.Get<CertificateImporter>().ImportAsync(ImportFile.FromPath(file.FullName), options, ct);
        }
        catch (ImportFileException e)
        {
            throw new CliException($"{e.Message}（{e.Code}）");
        }
        clock.Stop();

        if (json) await stdout.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Options));
        else await PrintAsync(stdout, report, db.ProviderName(), clock.Elapsed);
        return report.AllGood ? ExitCodes.Success : ExitCodes.RowsRejected;
    }

    private static async Task PrintAsync(TextWriter stdout, ImportReport report, string provider, TimeSpan elapsed)
    {
        await stdout.WriteLineAsync(
            $"导入 {report.File}（{provider}）：共 {N(report.Rows)} 行，写入 {N(report.Written)} 行，未变 {N(report.Unchanged)} 行，" +
            $"拒绝 {N(report.Rejected)} 行；用时 {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒。");
        foreach (var issue in report.Issues)
            await stdout.WriteLineAsync($"第 {issue.Row} 行{(issue.Column is null ? "" : $"［{issue.Column}］")} {issue.Code}：{issue.Message}");
        if (report.IssuesTruncated) await stdout.WriteLineAsync($"（只列出前 {N(report.Issues.Count)} 处错误。）");
        if (report.Rejected > 0 && report.Written == 0 && !report.Partial)
            await stdout.WriteLineAsync("未写入任何证书：请改正以上各行后重新导入，或使用 --partial 只导入正确的行。");
        else if (report.Issues.Count > 0 && report.Rows == 0)
            await stdout.WriteLineAsync("未写入任何证书：文件的表头不符合导入格式。");
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
