using System.CommandLine;
using CertGuard.Cli.Hosting;
using CertGuard.Core.Certificates;
using CertGuard.Data;
using CertGuard.Data.Registry.Export;

namespace CertGuard.Cli.Registry;

/// <summary>
/// <c>certguard export --format csv|xlsx [--q] [--city] [--category] [--status] [--full-id] -o FILE</c>: a registry
/// search written as a spreadsheet, with the registry page's filters. ID numbers are masked unless --full-id; every
/// export is audited (who, filter, row count).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var format = new Option<string>("--format") { Description = "csv（UTF-8，带 BOM，Excel 可直接打开）或 xlsx。", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var q = new Option<string?>("--q") { Description = "证号、身份证号或姓名（姓名按开头匹配）。" };
        var city = new Option<string?>("--city") { Description = "城市代码，如 440100。", HelpName = "城市代码" };
        var category = new Option<string?>("--category") { Description = "作业类别代码，如 1。" };
        var status = new Option<string?>("--status")
        {
            Description = $"状态：{string.Join("、", Enum.GetNames<CertificateState>())}。",
            HelpName = "状态",
        };
        var fullId = new Option<bool>("--full-id") { Description = "写出完整身份证号（默认脱敏，如 4401**********123X）；导出会记入审计日志。" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "输出文件。", Required = true };
        var command = new Command("export", "导出证书登记查询结果为 CSV 或 xlsx（与证书登记页相同的筛选条件），单元格已防公式注入。")
        {
            format, q, city, category, status, fullId, output,
        };
        command.SetAction(CommandFailure.Guard("导出证书", async (parsed, stdout, ct) =>
        {
            var state = ParseState(parsed.GetValue(status));
            var request = new ExportRequest(
                new RegistryFilter(parsed.GetValue(q), parsed.GetValue(city), parsed.GetValue(category), state),
                parsed.GetValue(format) == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv,
                parsed.GetValue(fullId));
            var file = parsed.GetValue(output)!;

            await using var scope = CliHost.CreateScope(parsed, global);
            await DatabaseReadiness.EnsureMigratedAsync(scope.Get<CertGuardDbContext>(), ct);
            var exporter = scope.Get<CertificateExporter>();
            int rows;
            try
            {
                rows = await exporter.PrepareAsync(request, ct);
            }
            catch (ExportTooLargeException e)
            {
                throw new CliException(e.Message);
            }
            await using (var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
                await exporter.WriteAsync(request, stream, ct);
            await stdout.WriteLineAsync($"已导出 {rows:N0} 本证书到 {file.FullName}（{(request.FullIdNumbers ? "完整证号" : "证号已脱敏")}）。");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static CertificateState? ParseState(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // By name only, as the API: Enum.TryParse would also take numbers and comma lists.
        var name = Enum.GetNames<CertificateState>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"状态“{text}”无效：可用 {string.Join("、", Enum.GetNames<CertificateState>())}。");
        return Enum.Parse<CertificateState>(name);
    }
}
