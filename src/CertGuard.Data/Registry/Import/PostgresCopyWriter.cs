using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CertGuard.Data.Registry.Import;

/// <summary>
/// Writes an import with PostgreSQL binary COPY, in one transaction, doing by hand what SaveChanges does for an
/// ordinary save: it holds the write lock from the first batch to the commit, numbers the new history steps of the
/// change feed from the last number written, gives each certificate a status-list place, and seals one audit entry
/// for the whole load. Each batch is two COPYs, its certificates then their history steps (whose key points at them).
/// A large load drops the secondary indexes after a while and builds them at the end (<see cref="PostgresBulkIndexes"/>).
/// </summary>
internal sealed class PostgresCopyWriter(CertGuardDbContext db, TimeProvider clock, PostgresLoadPlan plan) : ICertificateBulkWriter
{
    private static readonly string[] CertificateColumns =
    [
        "Id", "Number", "HolderName", "HolderSex", "CategoryCode", "ItemCode", "FirstIssuedOn", "ValidFrom", "ValidTo", "NextReviewDue",
        "ExtendedReviewInterval", "RegionCode", "IssuingAuthorityId", "EmployerId", "Status", "StatusChangedOn", "StatusReason",
        "ReapplicationBarredUntil", "StatusListId", "StatusIndex", "Version", "IndexedState", "IndexedStateUntil",
    ];

    private static readonly string[] EventColumns =
        ["Id", "CertificateId", "Version", "Kind", "OccurredAt", "EffectiveOn", "Actor", "Reason", "Details", ChangeSequence.Property];

    private IDbContextTransaction? _transaction;
    private StatusEntryReservation? _places;
    private PostgresBulkIndexes? _dropped;
    private bool _rebuildTried;
    private long _sequence;
    private int _written;

    public bool RebuildsIndexes => _dropped is not null;

    public async Task BeginAsync(CancellationToken ct)
    {
        CheckColumns();
        _transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockWritesAsync(ct);
        // Read under the lock, which keeps anyone from writing a step in between until the commit.
        _sequence = await db.LastChangeSequenceAsync(ct);
        _places = new StatusEntryReservation(db, clock);
        await RebuildIfDueAsync(ct);
    }

    public async Task WriteAsync(IReadOnlyList<Certificate> batch, CancellationToken ct)
    {
        await _places!.PrepareAsync(batch.Select(c => c.RegionCode), ct);
        await using (var copy = await Connection().BeginBinaryImportAsync(Copy(Table<Certificate>(), CertificateColumns), ct))
        {
            foreach (var certificate in batch) WriteCertificate(copy, certificate);
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await Connection().BeginBinaryImportAsync(Copy(Table<CertificateEvent>(), EventColumns), ct))
        {
            foreach (var certificate in batch) WriteStep(copy, certificate.Id, certificate.History.Single(), ++_sequence);
            await copy.CompleteAsync(ct);
        }
        _written += batch.Count;
        await RebuildIfDueAsync(ct);
    }

    public async Task CompleteAsync(string auditAction, string auditDetail, CancellationToken ct)
    {
        if (_dropped is not null) await _dropped.RestoreAsync(db, ct);
        _places!.Apply(clock.GetUtcNow());
        db.AddAuditEntry(auditAction, nameof(Certificate), "*", auditDetail);
        await db.SaveChangesAsync(ct);
        await _transaction!.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Not completed: the transaction rolls back with everything in it, dropped indexes included.
        if (_transaction is not null) await _transaction.DisposeAsync();
        db.ChangeTracker.Clear();
    }

    private async Task RebuildIfDueAsync(CancellationToken ct)
    {
        if (_rebuildTried || !plan.RebuildAfter(_written)) return;
        _rebuildTried = true;
        // Every city's free places are read while the index that finds them is still there.
        await _places!.PrepareAsync(plan.Cities, ct);
        _dropped = await PostgresBulkIndexes.DropAsync(db, _transaction!, ct);
    }

    // Rows are written synchronously into the importer's buffer (a socket write when it fills): an awaited call per
    // field costs more than the field itself at thirty fields a row and a million rows.
    private void WriteCertificate(NpgsqlBinaryImporter c, Certificate certificate)
    {
        var (list, index) = _places!.Take(certificate.RegionCode, certificate.StatusBit);
        certificate.AssignStatusEntry(list, index);
        c.StartRow();
        c.Write(certificate.Id, NpgsqlDbType.Uuid);
        c.Write(certificate.Number, NpgsqlDbType.Varchar);
        c.Write(certificate.HolderName, NpgsqlDbType.Varchar);
        c.Write(certificate.HolderSex.ToString(), NpgsqlDbType.Varchar);
        c.Write(certificate.CategoryCode, NpgsqlDbType.Varchar);
        c.Write(certificate.ItemCode, NpgsqlDbType.Varchar);
        c.Write(certificate.FirstIssuedOn, NpgsqlDbType.Date);
        c.Write(certificate.ValidFrom, NpgsqlDbType.Date);
        c.Write(certificate.ValidTo, NpgsqlDbType.Date);
        c.Write(certificate.NextReviewDue, NpgsqlDbType.Date);
        c.Write(certificate.ExtendedReviewInterval, NpgsqlDbType.Boolean);
        c.Write(certificate.RegionCode, NpgsqlDbType.Varchar);
        c.Write(certificate.IssuingAuthorityId, NpgsqlDbType.Uuid);
        WriteNullable(c, certificate.EmployerId, NpgsqlDbType.Uuid);
        c.Write(certificate.Status.ToString(), NpgsqlDbType.Varchar);
        WriteNullable(c, certificate.StatusChangedOn, NpgsqlDbType.Date);
        WriteNullable(c, certificate.StatusReason, NpgsqlDbType.Varchar);
        WriteNullable(c, certificate.ReapplicationBarredUntil, NpgsqlDbType.Date);
        c.Write(list, NpgsqlDbType.Varchar);
        c.Write(index, NpgsqlDbType.Integer);
        c.Write(certificate.Version, NpgsqlDbType.Integer);
        c.Write(certificate.IndexedState.ToString(), NpgsqlDbType.Varchar);
        c.Write(certificate.IndexedStateUntil, NpgsqlDbType.Date);
    }

    // The step's own key to its certificate is set by EF Core when it tracks them; COPY writes it from the certificate.
    private static void WriteStep(NpgsqlBinaryImporter c, Guid certificateId, CertificateEvent step, long sequence)
    {
        c.StartRow();
        c.Write(step.Id, NpgsqlDbType.Uuid);
        c.Write(certificateId, NpgsqlDbType.Uuid);
        c.Write(step.Version, NpgsqlDbType.Integer);
        c.Write(step.Kind.ToString(), NpgsqlDbType.Varchar);
        c.Write(step.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        c.Write(step.EffectiveOn, NpgsqlDbType.Date);
        c.Write(step.Actor, NpgsqlDbType.Varchar);
        WriteNullable(c, step.Reason, NpgsqlDbType.Varchar);
        WriteNullable(c, step.Details, NpgsqlDbType.Varchar);
        c.Write(sequence, NpgsqlDbType.Bigint);
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

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) copy.Write(v, type);
        else copy.WriteNull();
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is not null) copy.Write(value, type);
        else copy.WriteNull();
    }
}
