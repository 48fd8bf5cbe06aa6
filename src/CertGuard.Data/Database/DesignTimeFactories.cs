using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CertGuard.Data.Database;

// Used by `dotnet ef migrations add … --context …` only; they never write, so a throwaway audit key will do.
file static class DesignTimeKeys
{
    public static readonly Audit.AuditSeal Seal = new(new Protection.ExternalKeys(new Protection.ExternalKey(new byte[Protection.ExternalKey.Length]), []));
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCertGuardDbContext>
{
    public SqliteCertGuardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCertGuardDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnection).Options,
            SystemActor.Platform, TimeProvider.System, DesignTimeKeys.Seal);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCertGuardDbContext>
{
    public PostgresCertGuardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCertGuardDbContext>().UseNpgsql("Host=localhost;Database=certguard").Options,
            SystemActor.Platform, TimeProvider.System, DesignTimeKeys.Seal);
}
