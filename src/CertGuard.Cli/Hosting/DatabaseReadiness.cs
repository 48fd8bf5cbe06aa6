using CertGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertGuard.Cli.Hosting;

internal static class DatabaseReadiness
{
    /// <summary>
    /// For commands that read without migrating: fails clearly when the database is missing or was never migrated,
    /// and without creating an empty SQLite file on the way.
    /// </summary>
    public static async Task EnsureMigratedAsync(CertGuardDbContext db, CancellationToken ct)
    {
        var creator = db.Database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
            throw new CliException($"数据库（{db.ProviderName()}）不存在：请检查连接字符串，或先运行 {Cli.Name} migrate。");
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            throw new CliException($"数据库（{db.ProviderName()}）尚未初始化：请先运行 {Cli.Name} migrate。");
    }
}
