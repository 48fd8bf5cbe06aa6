using CertGuard.Core.Certificates;
using CertGuard.Core.Holders;
using CertGuard.Data.Database;
using Npgsql;
using NpgsqlTypes;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// The public query's own connections on PostgreSQL: one <see cref="NpgsqlDataSource"/> for the app's life, on the read
/// connection string (a replica when one is configured). <c>No Reset On Close</c>: these connections only ever run the
/// lookup below, which leaves no session state behind, so the pool skips the reset round trip (<c>DISCARD ALL</c>)
/// and keeps the prepared statement.
/// </summary>
public sealed class PublicQueryDataSource(DatabaseOptions options) : IDisposable
{
    public NpgsqlDataSource Source { get; } = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(options.EffectiveReadConnectionString) { NoResetOnClose = true });

    public void Dispose() => Source.Dispose();
}

/// <summary>
/// <see cref="DatabaseCertificateLookup"/> on PostgreSQL without EF Core: the same statement (certificates by bare number,
/// left-joined to their issuing authority's name, the same columns), one prepared command on a shared data source, rows
/// read straight into <see cref="PublicCertificateRow"/>. No DbContext, no change tracker, no materialiser per request:
/// that was most of the query's cost (docs/benchmarks.md). SQLite keeps the EF Core lookup.
/// </summary>
public sealed class NpgsqlCertificateLookup(PublicQueryDataSource data) : ICertificateLookup
{
    // The columns in PublicCertificateRow's order; table and column names are EF Core's (entity and property names).
    internal const string Sql = """
        SELECT c."Id", c."Number", c."HolderName", c."HolderSex", c."CategoryCode", c."ItemCode", c."FirstIssuedOn", c."ValidFrom",
               c."ValidTo", c."NextReviewDue", c."RegionCode", c."Status", c."StatusChangedOn", c."StatusReason", o."Name"
        FROM "Certificates" AS c LEFT JOIN "Organisations" AS o ON o."Id" = c."IssuingAuthorityId"
        WHERE c."Number" = $1
        """;

    public async Task<IReadOnlyList<PublicCertificateRow>> FindAsync(string number, CancellationToken ct)
    {
        await using var connection = await data.Source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = number });
        // Prepared once per physical connection: later calls find the statement already there (no round trip).
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleResult, ct);
        var rows = new List<PublicCertificateRow>(2);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(ReadRow(reader));
        }
        return rows;
    }

    /// <summary>One row of <see cref="Sql"/>'s columns (in that order, from column 0).</summary>
    internal static PublicCertificateRow ReadRow(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Enum.Parse<Sex>(reader.GetString(3)), reader.GetString(4),
        reader.GetString(5), reader.GetFieldValue<DateOnly>(6), reader.GetFieldValue<DateOnly>(7), reader.GetFieldValue<DateOnly>(8),
        reader.GetFieldValue<DateOnly>(9), reader.GetString(10), Enum.Parse<CertificateStatus>(reader.GetString(11)),
        reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12), reader.IsDBNull(13) ? null : reader.GetString(13),
        reader.IsDBNull(14) ? null : reader.GetString(14));
}
