using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Database;
using CertGuard.Data.Demo;

namespace CertGuard.Cli.Seeding;

/// <summary>
/// <c>certguard seed --certificates N [--seed S]</c>: migrates, then adds N generated certificates in batches
/// (for load tests and benchmarks). Organisations are created first when the database has none.
/// </summary>
internal static class SeedCommand
{
    public const int ProgressEvery = 50_000;

    public static Command Create(GlobalOptions global)
    {
        var certificates = new Option<int>("--certificates")
        {
            Description = "要生成的证书数量（正整数）。",
            HelpName = "数量",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0) return count;
                result.AddError($"--certificates 必须是正整数（收到“{text}”）。");
                return 0;
            },
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "随机种子，同一种子在空数据库上生成相同的数据（默认随机，并打印出来以便复现）。",
            HelpName = "种子",
        };

        var command = new Command("seed", "先迁移数据库，再批量生成演示证书（用于压力测试和基准测试）。") { certificates, seed };
        command.SetAction(CommandFailure.Guard("生成演示数据", (parseResult, stdout, ct) =>
            RunAsync(parseResult, global, parseResult.GetValue(certificates), parseResult.GetValue(seed), stdout, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions global, int count, int? chosenSeed, TextWriter stdout, CancellationToken ct)
    {
        var seed = chosenSeed ?? RandomNumberGenerator.GetInt32(int.MaxValue);

        await using var scope = CliHost.CreateScope(parseResult, global);
        var db = scope.Get<CertGuardDbContext>();
        await db.MigrateAsync(ct);

        await stdout.WriteLineAsync($"向数据库（{db.ProviderName()}）写入 {Format(count)} 条演示证书，随机种子 {seed}……");
        var clock = Stopwatch.StartNew();
        var progress = new SeedProgress(stdout, count, clock, ProgressEvery);
        var written = await scope.Get<DemoSeeder>().AddCertificatesAsync(count, seed, progress, ct);
        clock.Stop();

        await stdout.WriteLineAsync(
            $"完成：写入 {Format(written)} 条证书，用时 {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒，" +
            $"约 {Format(Rate(written, clock.Elapsed))} 条/秒。");
        return ExitCodes.Success;
    }

    internal static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static long Rate(long rows, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? (long)(rows / elapsed.TotalSeconds) : rows;
}
