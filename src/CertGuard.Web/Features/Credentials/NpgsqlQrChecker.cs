using CertGuard.Core.Credentials;
using CertGuard.Data.Credentials;
using CertGuard.Web.Features.Verification.PublicQuery;
using Npgsql;
using NpgsqlTypes;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// The QR check on PostgreSQL in ONE round trip, without EF Core: the signature is checked first with the keys held
/// in memory, then one prepared batch on the public query's data source reads (1) a fingerprint of the trust list's
/// key rows, (2) the code's own status bit, read in the database from the list's current bits, and (3) the code's
/// certificate with the columns the registry stage and the log need. When the fingerprint is not the one the keys in
/// memory were read after (a key created, rotated or retired by any instance), the keys are read again and the check
/// runs again: a retired key, a revocation or a changed card counts from the next check on, in every instance, as with
/// <see cref="OnlineVerifier"/>, whose stages and answers this keeps (<see cref="Cg1Codec.WithStatus"/>,
/// <see cref="OnlineVerifier.RegistryStage"/>; QrCheckerTests hold the two to the same answers).
/// </summary>
public sealed class NpgsqlQrChecker(PublicQueryDataSource data, VerifierCache cache, IServiceScopeFactory scopes, TimeProvider clock) : IQrChecker
{
    // Every field of a key row that can change after it is created (a kid names one immutable public key).
    internal const string KeysSql = """
        SELECT md5(coalesce(string_agg(k."Kid" || ':' || k."Status" || ':' || coalesce(k."StatusChangedAt"::text, '-'), ',' ORDER BY k."Kid"), ''))
        FROM "CredentialKeys" AS k WHERE k."Purpose" = 'certificate'
        """;

    // The bit as StatusList reads it (most significant bit first); no row or an index past the list: unavailable.
    internal const string StatusSql = """
        SELECT CASE WHEN $2 >= 0 AND $2 < length(l."Bits") THEN (get_byte(l."Bits", $2) & $3) <> 0 END
        FROM "StatusLists" AS l WHERE l."Id" = $1
        """;

    // NpgsqlCertificateLookup's columns (the log's row), then the card's status-list place (the registry stage).
    internal const string CardSql = """
        SELECT c."Id", c."Number", c."HolderName", c."HolderSex", c."CategoryCode", c."ItemCode", c."FirstIssuedOn", c."ValidFrom",
               c."ValidTo", c."NextReviewDue", c."RegionCode", c."Status", c."StatusChangedOn", c."StatusReason", o."Name",
               c."StatusListId", c."StatusIndex"
        FROM "Certificates" AS c LEFT JOIN "Organisations" AS o ON o."Id" = c."IssuingAuthorityId"
        WHERE c."Number" = $1 AND c."ItemCode" = $2
        """;

    private const int MaxKeyReloads = 3;

    public async Task<QrCheck> CheckAsync(string? text, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = cache.Keys;
        for (var attempt = 0; ; attempt++)
        {
            (string Id, int Index)? place = null;
            var started = QrStageProfile.Start();
            var passed = Cg1Codec.Verify(text, keys?.Resolve ?? (_ => null), now, (id, index) =>
            {
                place = (id, index);
                return StatusOutcome.Good;
            });
            QrStageProfile.Add(QrStageProfile.Stage.Signature, started);
            // Decided by the text alone (empty, not ours, corrupt): no key, no certificate to read.
            if (passed.Stage < VerificationStage.Kid) return new QrCheck(passed, null, true);

            started = QrStageProfile.Start();
            var read = await ReadAsync(passed.Claims, place, ct);
            QrStageProfile.Add(QrStageProfile.Stage.RoundTrip, started);
            if (read.KeysFingerprint != keys?.Fingerprint && attempt < MaxKeyReloads)
            {
                keys = await ReloadKeysAsync(read.KeysFingerprint, ct);
                continue;
            }
            if (passed.Claims is not { } claims) return new QrCheck(passed, null, true);
            var result = place is null ? passed
                : Cg1Codec.WithStatus(passed, read.Revoked switch { null => StatusOutcome.Unavailable, true => StatusOutcome.Revoked, false => StatusOutcome.Good });
            result = OnlineVerifier.RegistryStage(result, claims,
                read.Card is { } card ? (CredentialIssuer.IsCurrent(claims, card.Facts), card.Row.Status) : null);
            return new QrCheck(result, read.Card?.Row, true);
        }
    }

    private sealed record Card(PublicCertificateRow Row, CardFacts Facts);

    private sealed record Read(string KeysFingerprint, bool? Revoked, Card? Card);

    private async Task<Read> ReadAsync(Cg1Claims? claims, (string Id, int Index)? place, CancellationToken ct)
    {
        await using var connection = await data.Source.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(KeysSql));
        var status = new NpgsqlBatchCommand(StatusSql);
        status.Parameters.Add(Text(place?.Id));
        status.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = place is { } p ? p.Index >> 3 : DBNull.Value });
        status.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = place is { } q ? 0x80 >> (q.Index & 7) : DBNull.Value });
        batch.BatchCommands.Add(status);
        var card = new NpgsqlBatchCommand(CardSql);
        card.Parameters.Add(Text(claims?.Number));
        card.Parameters.Add(Text(claims?.Item));
        batch.BatchCommands.Add(card);
        // Prepared once per physical connection (the data source keeps its statements: No Reset On Close).
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);

        await reader.ReadAsync(ct);
        var fingerprint = reader.GetString(0);
        await reader.NextResultAsync(ct);
        bool? revoked = await reader.ReadAsync(ct) && !reader.IsDBNull(0) ? reader.GetBoolean(0) : null;
        await reader.NextResultAsync(ct);
        Card? found = null;
        if (await reader.ReadAsync(ct))
        {
            var row = NpgsqlCertificateLookup.ReadRow(reader);
            found = new Card(row, new CardFacts(row.Number, row.ItemCode, row.CategoryCode, row.HolderName, row.HolderSex, row.FirstIssuedOn,
                row.ValidFrom, row.ValidTo, row.RegionCode, reader.IsDBNull(15) ? null : reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetInt32(16)));
        }
        return new Read(fingerprint, revoked, found);
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = (object?)value ?? DBNull.Value };

    /// <summary>The trust list read again (rarely: a key changed), remembered under the fingerprint read before it.</summary>
    private async Task<FingerprintedKeys> ReloadKeysAsync(string fingerprint, CancellationToken ct)
    {
        // Read after the fingerprint: the keys are at least as new as it says, so a later change shows as a new fingerprint.
        await using var scope = scopes.CreateAsyncScope();
        var list = await scope.ServiceProvider.GetRequiredService<KeyRing>().TrustListAsync(ct);
        return cache.Remember(fingerprint, list);
    }
}
