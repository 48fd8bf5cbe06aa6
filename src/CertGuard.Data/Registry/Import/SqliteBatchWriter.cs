using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Writes an import on SQLite through EF Core in batches, inside one transaction: each batch's save numbers the change
/// feed and gives status-list places as any save does; rows are not audited one by one, the load is (one entry).
/// </summary>
internal sealed class SqliteBatchWriter(CertGuardDbContext db) : ICertificateBulkWriter
{
    private const int BatchSize = 2_000;

    private readonly List<Certificate> _batch = new(BatchSize);
    private IDbContextTransaction? _transaction;
    private (bool DetectChanges, bool SuppressAudit)? _previous;

    public bool RebuildsIndexes => false;

    public async Task BeginAsync(CancellationToken ct)
    {
        _transaction = await db.Database.BeginTransactionAsync(ct);
        _previous = (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressChangeAudit = true;
    }

    public async Task WriteAsync(IReadOnlyList<Certificate> batch, CancellationToken ct)
    {
        foreach (var certificate in batch)
        {
            _batch.Add(certificate);
            if (_batch.Count == BatchSize) await FlushAsync(ct);
        }
        // The importer queries the registry between batches: what was handed over is in the transaction by then.
        await FlushAsync(ct);
    }

    public async Task CompleteAsync(string auditAction, string auditDetail, CancellationToken ct)
    {
        await FlushAsync(ct);
        db.SuppressChangeAudit = false;
        db.AddAuditEntry(auditAction, nameof(Certificate), "*", auditDetail);
        await db.SaveChangesAsync(ct);
        await _transaction!.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_previous is { } previous) (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit) = previous;
        if (_transaction is not null) await _transaction.DisposeAsync();
        db.ChangeTracker.Clear();
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_batch.Count == 0) return;
        db.Certificates.AddRange(_batch);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        _batch.Clear();
    }
}
