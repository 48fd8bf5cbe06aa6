using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Writes an import with PostgreSQL binary COPY, in one transaction, doing by hand what SaveChanges does for an
/// ordinary save: it holds the write lock, numbers the new history steps of the change feed from the last number
/// written, gives each certificate a status-list place, and seals one audit entry for the whole load.
/// </summary>
internal sealed class PostgresCopyWriter(CertGuardDbContext db, TimeProvider clock) : ICertificateBulkWriter
{
    private static readonly string[] CertificateColumns =
    [
        "Id", "Number", "HolderName", "HolderSex", "CategoryCode", "ItemCode", "FirstIssuedOn", "ValidFrom", "ValidTo", "NextReviewDue",
        "ExtendedReviewInterval", "RegionCode", "IssuingAuthorityId", "EmployerId", "Status", "StatusChangedOn", "StatusReason",
        "ReapplicationBarredUntil", "StatusListId", "StatusIndex", "Version",
    ];

    private static readonly string[] EventColumns =
        ["Id", "CertificateId", "Version", "Kind", "OccurredAt", "EffectiveOn", "Actor", "Reason", "Details", ChangeSequence.Property];

    // One history step per certificate, kept small until the certificates are in (COPY streams one table at a time):
    // what differs from row to row, and once what every step of the load shares (kind, instant, day, actor).
    private readonly List<(Guid Certificate, Guid Event, string? Reason, int Row)> _events = [];
    private CertificateEvent? _shared;
    private IDbContextTransaction? _transaction;
    private NpgsqlBinaryImporter? _copy;
    private StatusEntryReservation? _places;
    private Func<int, string?> _details = _ => null;

    public async Task BeginAsync(IReadOnlyDictionary<string, int> perCity, Func<int, string?> detailsOfRow, CancellationToken ct)
    {
        _details = detailsOfRow;
        CheckColumns();
        _transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockWritesAsync(ct);
        _places = await StatusEntryReservation.ReserveAsync(db, perCity, clock, ct);
        _copy = await Connection().BeginBinaryImportAsync(Copy(Table<Certificate>(), CertificateColumns), ct);
    }

    public async Task WriteAsync(Certificate certificate, int row, CancellationToken ct)
    {
        var (list, index) = _places!.Take(certificate.RegionCode, certificate.StatusBit);
        certificate.AssignStatusEntry(list, index);
        var c = _copy!;
        await c.StartRowAsync(ct);
        await c.WriteAsync(certificate.Id, NpgsqlDbType.Uuid, ct);
        await c.WriteAsync(certificate.Number, NpgsqlDbType.Varchar, ct);
        await c.WriteAsync(certificate.HolderName, NpgsqlDbType.Varchar, ct);
        await c.WriteAsync(certificate.HolderSex.ToString(), NpgsqlDbType.Varchar, ct);
        await c.WriteAsync(certificate.CategoryCode, NpgsqlDbType.Varchar, ct);
        await c.WriteAsync(certificate.ItemCode, NpgsqlDbType.Varchar, ct);
        await c.WriteAsync(certificate.FirstIssuedOn, NpgsqlDbType.Date, ct);
        await c.WriteAsync(certificate.ValidFrom, NpgsqlDbType.Date, ct);
        await c.WriteAsync(certificate.ValidTo, NpgsqlDbType.Date, ct);
        await c.WriteAsync(certificate.NextReviewDue, NpgsqlDbType.Date, ct);
        await c.WriteAsync(certificate.ExtendedReviewInterval, NpgsqlDbType.Boolean, ct);
        await c.WriteAsync(certificate.RegionCode, NpgsqlDbType.Varchar, ct);
        await c.WriteAsync(certificate.IssuingAuthorityId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(c, certificate.EmployerId, NpgsqlDbType.Uuid, ct);
        await c.WriteAsync(certificate.Status.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(c, certificate.StatusChangedOn, NpgsqlDbType.Date, ct);
        await WriteNullableAsync(c, certificate.StatusReason, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(c, certificate.ReapplicationBarredUntil, NpgsqlDbType.Date, ct);
        await c.WriteAsync(list, NpgsqlDbType.Varchar, ct);
        await c.WriteAsync(index, NpgsqlDbType.Integer, ct);
        await c.WriteAsync(certificate.Version, NpgsqlDbType.Integer, ct);
        var step = certificate.History.Single();
        _shared ??= step;
        if (step.Version != _shared.Version || step.Kind != _shared.Kind || step.OccurredAt != _shared.OccurredAt
            || step.EffectiveOn != _shared.EffectiveOn || step.Actor != _shared.Actor)
            throw new InvalidOperationException("Every certificate of one load must start with the same import step.");
        _events.Add((certificate.Id, step.Id, step.Reason, row));
    }

    public async Task CompleteAsync(string auditAction, string auditDetail, CancellationToken ct)
    {
        await _copy!.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;

        // Numbered after the last step written; the lock held since Begin keeps anyone from writing one in between.
        var sequence = await db.LastChangeSequenceAsync(ct);
        var shared = _shared ?? throw new InvalidOperationException("Nothing was written.");
        var (kind, at) = (shared.Kind.ToString(), shared.OccurredAt.ToUniversalTime());
        await using (var events = await Connection().BeginBinaryImportAsync(Copy(Table<CertificateEvent>(), EventColumns), ct))
        {
            foreach (var e in _events)
            {
                await events.StartRowAsync(ct);
                await events.WriteAsync(e.Event, NpgsqlDbType.Uuid, ct);
                await events.WriteAsync(e.Certificate, NpgsqlDbType.Uuid, ct);
                await events.WriteAsync(shared.Version, NpgsqlDbType.Integer, ct);
                await events.WriteAsync(kind, NpgsqlDbType.Varchar, ct);
                await events.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await events.WriteAsync(shared.EffectiveOn, NpgsqlDbType.Date, ct);
                await events.WriteAsync(shared.Actor, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(events, e.Reason, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(events, _details(e.Row), NpgsqlDbType.Varchar, ct);
                await events.WriteAsync(++sequence, NpgsqlDbType.Bigint, ct);
            }
            await events.CompleteAsync(ct);
        }
        _events.Clear();

        _places!.Apply(clock.GetUtcNow());
        db.AddAuditEntry(auditAction, nameof(Certificate), "*", auditDetail);
        await db.SaveChangesAsync(ct);
        await _transaction!.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Not completed: disposing the importer cancels the COPY, and the transaction rolls back with everything in it.
        if (_copy is not null)
        {
            try
            {
                await _copy.DisposeAsync();
            }
            catch (Exception e) when (e is NpgsqlException or PostgresException or InvalidOperationException)
            {
                // The connection is broken already; the rollback below (or the server) ends the transaction.
            }
        }
        if (_transaction is not null) await _transaction.DisposeAsync();
        db.ChangeTracker.Clear();
    }

    private NpgsqlConnection Connection() => (NpgsqlConnection)db.Database.GetDbConnection();

    private string Table<T>() => db.Model.FindEntityType(typeof(T))!.GetTableName()!;

    private static string Copy(string table, IEnumerable<string> columns) =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>A column added to the model without a default would make COPY fail half-way; fail before starting instead.</summary>
    private void CheckColumns()
    {
        foreach (var (type, written) in new[] { (typeof(Certificate), CertificateColumns), (typeof(CertificateEvent), EventColumns) })
        {
            var missing = db.Model.FindEntityType(type)!.GetProperties()
                .Where(p => !p.IsNullable && !written.Contains(p.GetColumnName(), StringComparer.Ordinal)).Select(p => p.GetColumnName()).ToList();
            if (missing.Count > 0) throw new InvalidOperationException($"Bulk import does not write {type.Name} column(s) {string.Join(", ", missing)}.");
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);
}
