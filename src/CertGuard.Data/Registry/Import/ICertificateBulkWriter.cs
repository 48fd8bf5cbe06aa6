using CertGuard.Core.Certificates;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Writes the new certificates of one import in one transaction: all of them with their history, status-list places,
/// change-feed numbers and one audit entry, or (disposed without <see cref="CompleteAsync"/>) none of them.
/// </summary>
internal interface ICertificateBulkWriter : IAsyncDisposable
{
    /// <param name="perCity">How many certificates of each city will be written (to reserve status-list places).</param>
    /// <param name="detailsOfRow">The history note of the certificate from a row, as the domain wrote it.</param>
    Task BeginAsync(IReadOnlyDictionary<string, int> perCity, Func<int, string?> detailsOfRow, CancellationToken ct);

    Task WriteAsync(Certificate certificate, int row, CancellationToken ct);

    /// <summary>Adds the load's audit entry and commits.</summary>
    Task CompleteAsync(string auditAction, string auditDetail, CancellationToken ct);
}
