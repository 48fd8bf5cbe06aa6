using CertGuard.Core.Employers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace CertGuard.Data.Employers;

/// <summary>
/// Writes a check's roster rows and the rectification items it opens, inside the caller's transaction: binary COPY on
/// PostgreSQL (a 100,000-row roster is one stream instead of 100,000 tracked inserts), EF Core inserts without change
/// detection on SQLite. Neither is audited row by row: the rows are the check's snapshot, the items opened are summed
/// up in the check's one audit entry (<see cref="RosterChecker"/>).
/// </summary>
public static class RosterStore
{
    public static async Task WriteAsync(CertGuardDbContext db, IReadOnlyList<RosterRow> rows, IReadOnlyList<RectificationItem> opened, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Roster rows are written inside the check's transaction.");
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(db, rows, ct);
            await CopyAsync(db, opened, ct);
            return;
        }
        var previous = (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit);
        (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit) = (false, true);
        try
        {
            db.AddRange(rows);
            db.AddRange(opened);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit) = previous;
        }
    }

    /// <summary>
    /// Every column of the entity as the model maps it (its converters applied), so a property added later is copied
    /// too rather than left to a default; a type the writer does not know fails before anything is sent.
    /// </summary>
    private static async Task CopyAsync<T>(CertGuardDbContext db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T))!;
        var columns = type.GetProperties().Select(p => new Column(p.GetColumnName(), p.GetGetter(), p.GetTypeMapping().Converter, Kind(p))).ToList();
        var copy = $"COPY \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        // Written synchronously into the importer's buffer (a socket write when it fills), as the certificate import does.
        foreach (var entity in entities)
        {
            importer.StartRow();
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(entity);
                if (value is not null && column.Converter is { } converter) value = converter.ConvertToProvider(value);
                Write(importer, value, column.Kind);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, NpgsqlDbType Kind);

    private static NpgsqlDbType Kind(IProperty property)
    {
        var provider = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return (Nullable.GetUnderlyingType(provider) ?? provider) switch
        {
            var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
            var t when t == typeof(string) => NpgsqlDbType.Varchar,
            var t when t == typeof(int) => NpgsqlDbType.Integer,
            var t when t == typeof(long) => NpgsqlDbType.Bigint,
            var t when t == typeof(bool) => NpgsqlDbType.Boolean,
            var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
            var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
            var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
            var t => throw new InvalidOperationException($"The roster COPY does not write {property.DeclaringType.ClrType.Name}.{property.Name} ({t.Name})."),
        };
    }

    private static void Write(NpgsqlBinaryImporter c, object? value, NpgsqlDbType kind)
    {
        switch (value)
        {
            case null: c.WriteNull(); break;
            case Guid v: c.Write(v, kind); break;
            case string v: c.Write(v, kind); break;
            case int v: c.Write(v, kind); break;
            case long v: c.Write(v, kind); break;
            case bool v: c.Write(v, kind); break;
            case decimal v: c.Write(v, kind); break;
            case DateOnly v: c.Write(v, kind); break;
            // timestamptz takes UTC only (what EF Core writes for it too).
            case DateTimeOffset v: c.Write(v.ToUniversalTime(), kind); break;
            default: throw new InvalidOperationException($"The roster COPY does not write {value.GetType().Name}.");
        }
    }
}
