using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Database;

/// <summary>PostgreSQL, for production: several app instances share it.</summary>
public sealed class PostgresCertGuardDbContext(
    DbContextOptions<PostgresCertGuardDbContext> options, IActor actor, TimeProvider clock, Audit.AuditSeal seal, ReferenceData.ReferenceDataProvider? referenceData = null)
    : CertGuardDbContext(options, actor, clock, seal, referenceData)
{
    private const long AuditChainLockKey = 0x43_47_41_55_44_49_54; // "CGAUDIT"

    protected override async Task<IAsyncDisposable> LockAuditChainAsync(CancellationToken cancellationToken)
    {
        // A transaction-scoped advisory lock serialises writers across all instances and is freed at commit.
        await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);
        return NoRelease.Instance;
    }

    private sealed class NoRelease : IAsyncDisposable
    {
        public static readonly NoRelease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
