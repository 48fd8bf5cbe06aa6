using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CertGuard.Data.Database;

/// <summary>The embedded database: one file, one process.</summary>
public sealed class SqliteCertGuardDbContext(
    DbContextOptions<SqliteCertGuardDbContext> options, IActor actor, TimeProvider clock, Audit.AuditSeal seal, ReferenceData.ReferenceDataProvider? referenceData = null)
    : CertGuardDbContext(options, actor, clock, seal, referenceData)
{
    // One process owns the file, so a process-wide lock serialises the audit chain.
    private static readonly SemaphoreSlim ChainLock = new(1, 1);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type; binary ticks keep ordering and comparisons in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override async Task<IAsyncDisposable> LockAuditChainAsync(CancellationToken cancellationToken)
    {
        await ChainLock.WaitAsync(cancellationToken);
        return new Release(ChainLock);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }
}
