using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Audit;

namespace CertGuard.Cli.Audit;

/// <summary>
/// <c>certguard audit verify [--checkpoint FILE]</c>: walks the whole audit log in sequence order and checks its chain
/// with the external key's HMAC, and against the signed checkpoints in the database and, when given, the operator's
/// checkpoint file (a rewritten chain or a tail cut after the checkpoint fails). Exit 0 intact, 1 broken (the first
/// broken sequence is named), 2 could not check (no database, no external key, a checkpoint file not signed with it).
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
        var checkpoint = new Option<FileInfo?>("--checkpoint")
        {
            Description = "另行保管的检查点文件（audit-checkpoint.json）：日志必须仍含其记录的序号与哈希。", HelpName = "文件",
        };
        var command = new Command("verify",
            "用外部密钥校验审计日志的哈希链及已签名的检查点：完整时退出码 0，被删除、篡改、重算或截断时退出码 1 并指出第一处断开的序号，无法校验时退出码 2。")
        {
            json, checkpoint,
        };
        command.SetAction(CommandFailure.Guard("校验审计日志", (parseResult, stdout, ct) =>
            RunAsync(parseResult, global, parseResult.GetValue(json), parseResult.GetValue(checkpoint), stdout, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions global, bool asJson, FileInfo? checkpointFile, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = CliHost.CreateScope(parseResult, global);
        var db = scope.Get<CertGuardDbContext>();
        await DatabaseReadiness.EnsureMigratedAsync(db, ct);

        AuditCheckpoint? fromFile = null;
        if (checkpointFile is not null)
        {
            if (!checkpointFile.Exists) throw new CliException($"检查点文件 {checkpointFile.FullName} 不存在。");
            try
            {
                fromFile = await AuditCheckpoints.ReadFileAsync(checkpointFile.FullName, ct);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(e.Message);
            }
            // A file not signed with this platform's key proves nothing either way: it cannot be checked against.
            if (!fromFile.IsSignedBy(scope.Get<AuditSeal>()))
                throw new CliException($"检查点文件 {checkpointFile.FullName} 的签名无效：它不是用本平台的外部密钥签发的，或已被改动。");
        }
        var result = await scope.Get<AuditCheckpoints>().VerifyAsync(fromFile, ct);

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
