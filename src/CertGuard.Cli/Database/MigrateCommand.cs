using System.CommandLine;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Cli.Database;

/// <summary><c>certguard migrate</c>: brings the database schema up to date (creates an embedded database).</summary>
internal static class MigrateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("migrate", "应用数据库迁移（SQLite 数据库文件不存在时会创建）。");
        command.SetAction(CommandFailure.Guard("迁移数据库", (parseResult, stdout, ct) => RunAsync(parseResult, global, stdout, ct)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions global, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = CliHost.CreateScope(parseResult, global);
        var db = scope.Get<CertGuardDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.MigrateAsync(ct);
        await stdout.WriteLineAsync(pending.Count == 0
            ? $"数据库（{db.ProviderName()}）已是最新，无需迁移。"
            : $"数据库（{db.ProviderName()}）已应用 {pending.Count} 个迁移：{string.Join("、", pending)}。");
        return ExitCodes.Success;
    }
}
