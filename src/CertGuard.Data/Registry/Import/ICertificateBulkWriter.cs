using CertGuard.Core.Certificates;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Writes the new certificates of one import in one transaction: all of them with their history, status-list places,
/// change-feed numbers and one audit entry, or (disposed without <see cref="CompleteAsync"/>) none of them. Batches come
/// between the importer's own queries, on the same connection.
/// </summary>
internal interface ICertificateBulkWriter : IAsyncDisposable
{
    /// <summary>The load dropped the secondary indexes and builds them again at completion (PostgreSQL only).</summary>
    bool RebuildsIndexes { get; }

    /// <summary>Starts the transaction and takes the write lock.</summary>
    Task BeginAsync(CancellationToken ct);

    /// <summary>Writes a batch of new certificates, in file order, each with its one history step.</summary>
    Task WriteAsync(IReadOnlyList<Certificate> batch, CancellationToken ct);

    /// <summary>Adds the load's audit entry and commits.</summary>
    Task CompleteAsync(string auditAction, string auditDetail, CancellationToken ct);
}
