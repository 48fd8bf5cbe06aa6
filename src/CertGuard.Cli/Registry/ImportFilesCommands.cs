using System.CommandLine;
using System.Globalization;
using CertGuard.Cli.Hosting;
using CertGuard.Core.Certificates;
using CertGuard.Core.Regions;
using CertGuard.Data.Registry.Import;

namespace CertGuard.Cli.Registry;

/// <summary>
/// Files to import, made without a database: <c>certguard import-template -o FILE(.xlsx|.csv)</c>, the blank template
/// with its instructions; <c>certguard import-sample --rows N -o FILE.csv</c>, a realistic file of valid rows (the demo
/// generator's certificates) for trying the import and measuring it.
/// </summary>
internal static class ImportFilesCommands
{
    public static Command Template()
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "输出文件：.xlsx（含填写说明、目录、城市代码）或 .csv（仅表头）。", Required = true };
        var command = new Command("import-template", "生成证书导入模板。") { output };
        command.SetAction(CommandFailure.Guard("生成导入模板", async (parsed, stdout, ct) =>
        {
            var file = parsed.GetValue(output)!;
            await using (var stream = file.Create())
            {
                if (file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) await ImportTemplate.WriteCsvAsync(stream, ct);
                else ImportTemplate.WriteXlsx(stream);
            }
            await stdout.WriteLineAsync($"已生成导入模板：{file.FullName}");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Sample()
    {
        var rows = new Option<int>("--rows")
        {
            Description = "行数（正整数）。",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
                result.AddError($"--rows 必须是正整数（收到“{text}”）。");
                return 0;
            },
        };
        var seed = new Option<int>("--seed") { Description = "随机种子（默认 20180710）。", DefaultValueFactory = _ => 20180710 };
        var city = new Option<string?>("--city") { Description = "只生成该市的证书（如 440100）。", HelpName = "城市代码" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "输出的 CSV 文件。", Required = true };
        var command = new Command("import-sample", "生成一个可导入的示例 CSV（各种状态的演示证书，完整证号），用于试用和测量导入。") { rows, seed, city, output };
        command.SetAction(CommandFailure.Guard("生成示例导入文件", async (parsed, stdout, ct) =>
        {
            var code = parsed.GetValue(city);
            if (code is not null && !RegionDirectory.Guangdong.IsCity(code)) throw new CliException($"“{code}”不是广东省地级以上市代码。");
            var file = parsed.GetValue(output)!;
            await using (var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                await SampleImportFile.WriteCsvAsync(stream, parsed.GetValue(rows), parsed.GetValue(seed), TimeProvider.System, CertificateRules.Order30, code, ct);
            await stdout.WriteLineAsync($"已生成 {parsed.GetValue(rows):N0} 行：{file.FullName}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
