using System.CommandLine;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Cli.Database;

/// <summary><c>certguard migrate</c>: brings the database schema up to date (creates an embedded database).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "应用数据库迁移（SQLite 数据库文件不存在时会创建）。");
        command.SetAction(CommandFailure.Guard("迁移数据库", RunAsync));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = CliHost.CreateScope(parseResult);
        var db = scope.Get<CertGuardDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.MigrateAsync(ct);
        await stdout.WriteLineAsync(pending.Count == 0
            ? $"数据库（{db.ProviderName()}）已是最新，无需迁移。"
            : $"数据库（{db.ProviderName()}）已应用 {pending.Count} 个迁移：{string.Join("、", pending)}。");
        return ExitCodes.Success;
    }
}
