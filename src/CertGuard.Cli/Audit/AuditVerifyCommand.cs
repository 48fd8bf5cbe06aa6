using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Cli.Audit;

/// <summary>
/// <c>certguard audit verify</c>: walks the whole audit log in sequence order and checks its hash chain.
/// Exit 0 intact, 1 broken (the first broken sequence is named), 2 could not check.
/// </summary>
internal static class AuditVerifyCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Keep the Chinese message readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "以 JSON 对象输出结果（intact、verifiedCount、firstBrokenSequence、message）。" };
        var command = new Command("verify", "校验审计日志的哈希链：完整时退出码 0，被删除或篡改时退出码 1 并指出第一处断开的序号，无法校验时退出码 2。")
        {
            json,
        };
        command.SetAction(CommandFailure.Guard("校验审计日志", (parseResult, stdout, ct) =>
            RunAsync(parseResult, global, parseResult.GetValue(json), stdout, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions global, bool asJson, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = CliHost.CreateScope(parseResult, global);
        var db = scope.Get<CertGuardDbContext>();
        await DatabaseReadiness.EnsureMigratedAsync(db, ct);

        // Streamed: the log can hold millions of entries.
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var result = await AuditChain.VerifyAsync(entries, ct);

        if (asJson)
        {
            var report = new VerifyReport(result.Intact, result.VerifiedCount, result.FirstBrokenSequence, result.Message);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(report, JsonOptions));
        }
        else
        {
            await stdout.WriteLineAsync(result.Message);
            if (!result.Intact)
                await stdout.WriteLineAsync($"第一处断开的序号：{result.FirstBrokenSequence}（此前 {result.VerifiedCount} 条记录校验通过）。");
        }
        return result.Intact ? ExitCodes.Success : ExitCodes.AuditChainBroken;
    }

    private sealed record VerifyReport(bool Intact, long VerifiedCount, long? FirstBrokenSequence, string Message);
}
