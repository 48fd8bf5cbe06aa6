using System.CommandLine;
using System.Globalization;
using CertGuard.Cli.Hosting;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Registry;
using CertGuard.Data.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Cli.Registry;

/// <summary>
/// <c>certguard reviews mark-overdue [--batch-size N] [--dry-run]</c>: the daily job's sweep, run by hand (after an
/// outage, or from cron where the web application does not run it): certificates whose review is overdue become
/// invalid, with their history, audit entries and status-list bits. <c>certguard reviews refresh-states</c>: the stored
/// states the registry search reads (<see cref="StoredStates"/>), worked out again for today.
/// </summary>
internal static class ReviewsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"每批处理的证书数（默认 {OverdueReviews.DefaultBatchSize}）。",
            HelpName = "数量",
            DefaultValueFactory = _ => OverdueReviews.DefaultBatchSize,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size is > 0 and <= 100_000) return size;
                result.AddError($"--batch-size 必须是 1 至 100000 之间的整数（收到“{text}”）。");
                return 0;
            },
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "只统计将被标记的证书数量，不写入。" };
        var markOverdue = new Command("mark-overdue", "将逾期未复审的证书标记为失效（与每日定时任务相同），记入证书历史和审计日志，并更新状态列表。")
        {
            batchSize,
            dryRun,
        };
        markOverdue.SetAction(CommandFailure.Guard("标记逾期未复审的证书", (parseResult, stdout, ct) =>
            RunAsync(parseResult, global, parseResult.GetValue(batchSize), parseResult.GetValue(dryRun), stdout, ct)));
        var refreshStates = new Command("refresh-states",
            "重新计算每本证书的检索状态（登记检索按状态筛选所用），只改有变化的证书。升级后或证书规则变更后可手动运行；每日定时任务也会运行。");
        refreshStates.SetAction(CommandFailure.Guard("重新计算检索状态", (parseResult, stdout, ct) => RefreshStatesAsync(parseResult, global, stdout, ct)));
        return new Command("reviews", "复审相关的维护命令。") { markOverdue, refreshStates };
    }

    private static async Task<int> RefreshStatesAsync(ParseResult parseResult, GlobalOptions global, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = CliHost.CreateScope(parseResult, global);
        var db = scope.Get<CertGuardDbContext>();
        await DatabaseReadiness.EnsureMigratedAsync(db, ct);
        var today = ChinaTime.Today(scope.Get<TimeProvider>());
        var states = await StoredStates.RefreshAllAsync(db, today, scope.Get<CertificateRules>(), ct: ct);
        await stdout.WriteLineAsync($"截至 {today:yyyy-MM-dd}（北京时间），重新计算了 {states} 本证书的检索状态。");
        return ExitCodes.Success;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions global, int batchSize, bool dryRun, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = CliHost.CreateScope(parseResult, global);
        var db = scope.Get<CertGuardDbContext>();
        await DatabaseReadiness.EnsureMigratedAsync(db, ct);
        var clock = scope.Get<TimeProvider>();
        var today = ChinaTime.Today(clock);
        if (dryRun)
        {
            var due = await OverdueReviews.Due(db, today).CountAsync(ct);
            await stdout.WriteLineAsync($"截至 {today:yyyy-MM-dd}（北京时间），有 {due} 本证书逾期未复审、尚未标记为失效（未写入）。");
            return ExitCodes.Success;
        }
        var run = await new OverdueReviews(db, clock).RunAsync(today, batchSize, ct);
        var states = await StoredStates.RefreshAllAsync(db, today, scope.Get<CertificateRules>(), ct: ct);
        await stdout.WriteLineAsync($"截至 {run.Today:yyyy-MM-dd}（北京时间），已将 {run.Marked} 本逾期未复审的证书标记为失效（{run.Batches} 批）；重新计算了 {states} 本证书的检索状态。");
        return ExitCodes.Success;
    }
}
