using System.CommandLine;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Audit;

namespace CertGuard.Cli.Audit;

/// <summary><c>certguard audit checkpoint [-o FILE]</c>: signs the chain's head now, into the database and a file.</summary>
internal static class AuditCheckpointCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "检查点文件的写入位置（默认为配置 Audit:Checkpoint:File，或外部密钥所在目录的 audit-checkpoint.json）。", HelpName = "文件",
        };
        var command = new Command("checkpoint", "立即为审计链的最新一条记录签发检查点，写入数据库和检查点文件；请把文件另行保管。") { output };
        command.SetAction(CommandFailure.Guard("签发审计检查点", async (parseResult, stdout, ct) =>
        {
            await using var scope = CliHost.CreateScope(parseResult, global);
            await DatabaseReadiness.EnsureMigratedAsync(scope.Get<CertGuardDbContext>(), ct);
            var checkpoints = scope.Get<AuditCheckpoints>();
            var checkpoint = await checkpoints.CreateAsync(ct: ct) ?? throw new CliException("审计日志为空，没有可签发检查点的记录。");
            var file = parseResult.GetValue(output)?.FullName;
            if (file is not null) await AuditCheckpoints.WriteFileAsync(file, checkpoint, ct);
            await stdout.WriteLineAsync($"检查点：第 {checkpoint.Sequence} 条记录，哈希 {checkpoint.Hash}，已写入数据库和 {file ?? checkpoints.FilePath}。");
            return ExitCodes.Success;
        }));
        return command;
    }
}
