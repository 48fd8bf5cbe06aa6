using CertGuard.Core.Verification;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CertGuard.Data.Verification;

/// <summary>
/// Stores a batch of checks in one round trip: binary COPY on PostgreSQL (no statement for the server to parse per
/// row, which is what limits a busy public query), one batched INSERT through EF Core on SQLite.
/// </summary>
public static class VerificationLogStore
{
    private static readonly string[] Columns =
    [
        nameof(VerificationRecord.Id), nameof(VerificationRecord.At), nameof(VerificationRecord.Channel), nameof(VerificationRecord.Outcome),
        nameof(VerificationRecord.NumberAsked), nameof(VerificationRecord.CertificateId), nameof(VerificationRecord.RegionCode),
        nameof(VerificationRecord.ItemCode), nameof(VerificationRecord.CategoryCode), nameof(VerificationRecord.ClaimedFirstIssuedOn),
        nameof(VerificationRecord.OrganisationId), nameof(VerificationRecord.AccountName), nameof(VerificationRecord.Origin),
    ];

    public static async Task StoreAsync(CertGuardDbContext db, IReadOnlyList<VerificationRecord> batch, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.VerificationLog.AddRange(batch);
            await db.SaveChangesAsync(ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var copy = $"COPY \"VerificationLog\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var record in batch) Write(importer, record);
            await importer.CompleteAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Write(NpgsqlBinaryImporter c, VerificationRecord r)
    {
        c.StartRow();
        c.Write(r.Id, NpgsqlDbType.Uuid);
        c.Write(r.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        c.Write(r.Channel.ToString(), NpgsqlDbType.Varchar);
        c.Write(r.Outcome.ToString(), NpgsqlDbType.Varchar);
        Nullable(c, r.NumberAsked, NpgsqlDbType.Varchar);
        Nullable(c, r.CertificateId, NpgsqlDbType.Uuid);
        Nullable(c, r.RegionCode, NpgsqlDbType.Varchar);
        Nullable(c, r.ItemCode, NpgsqlDbType.Varchar);
        Nullable(c, r.CategoryCode, NpgsqlDbType.Varchar);
        Nullable(c, r.ClaimedFirstIssuedOn, NpgsqlDbType.Date);
        Nullable(c, r.OrganisationId, NpgsqlDbType.Uuid);
        Nullable(c, r.AccountName, NpgsqlDbType.Varchar);
        Nullable(c, r.Origin, NpgsqlDbType.Varchar);
    }

    private static void Nullable<T>(NpgsqlBinaryImporter c, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) c.Write(v, type);
        else c.WriteNull();
    }

    private static void Nullable(NpgsqlBinaryImporter c, string? value, NpgsqlDbType type)
    {
        if (value is not null) c.Write(value, type);
        else c.WriteNull();
    }
}
