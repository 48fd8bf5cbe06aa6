using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Database;
using CertGuard.Data.Demo;

namespace CertGuard.Cli.Seeding;

/// <summary>
/// <c>certguard seed-campaign --year-of-records [--scale N] [--seed S]</c>: migrates, then adds a year of campaign
/// records over the registry already there (roster checks and their verification log, inspections, leads, suspects;
/// see <see cref="CampaignYear"/>), for the statistics-sheet benchmark (docs/benchmarks.md).
/// </summary>
internal static class SeedCampaignCommand
{
    public static Command Create(GlobalOptions global)
    {
        var year = new Option<bool>("--year-of-records")
        {
            Description = "生成一年的专项行动记录（自查、核验日志、执法检查、线索、假冒网站），分布于21个地市。",
            Required = true,
        };
        var scale = new Option<double>("--scale")
        {
            Description = "规模系数：1 为一个省一年的量（约 8,400 家企业自查、42 万名册行、100 万条核验日志、1.2 万次检查），默认 1。",
            HelpName = "系数",
            DefaultValueFactory = _ => 1,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 100) return value;
                result.AddError($"--scale 必须是 0 到 100 之间的数（收到“{text}”）。");
                return 0;
            },
        };
        var seed = new Option<int>("--seed") { Description = "随机种子（默认 1）。", HelpName = "种子", DefaultValueFactory = _ => 1 };

        var command = new Command("seed-campaign", "先迁移数据库，再生成一年的专项行动记录（用于统计表的基准测试）。") { year, scale, seed };
        command.SetAction(CommandFailure.Guard("生成专项行动记录", async (parseResult, stdout, ct) =>
        {
            await using var services = CliHost.CreateScope(parseResult, global);
            var db = services.Get<CertGuardDbContext>();
            await db.MigrateAsync(ct);
            var factor = parseResult.GetValue(scale);
            await stdout.WriteLineAsync($"向数据库（{db.ProviderName()}）写入一年的专项行动记录，规模 {factor.ToString(CultureInfo.InvariantCulture)}……");
            var clock = Stopwatch.StartNew();
            var counts = await services.Get<CampaignYear>().GenerateAsync(factor, parseResult.GetValue(seed),
                new Progress<string>(step => stdout.WriteLine($"  {clock.Elapsed.TotalSeconds:0.0} s: {step}")), ct);
            clock.Stop();
            await stdout.WriteLineAsync(JsonSerializer.Serialize(counts));
            await stdout.WriteLineAsync(
                $"完成：写入 {SeedCommand.Format(counts.Total)} 条记录，用时 {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒，" +
                $"约 {SeedCommand.Format(SeedCommand.Rate(counts.Total, clock.Elapsed))} 条/秒。");
            return ExitCodes.Success;
        }));
        return command;
    }
}
