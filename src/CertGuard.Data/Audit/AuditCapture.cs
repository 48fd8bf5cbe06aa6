using System.Text.Json;
using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CertGuard.Data.Audit;

/// <summary>
/// Turns the tracked changes of a save into audit entries (who, when, what, before and after), for the entity types
/// marked <see cref="Core.Auditing.AuditedAttribute"/> (<see cref="AuditMarkers"/>).
/// </summary>
internal static class AuditCapture
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        // Secrets never enter the log, not even as hashes.
        nameof(Account.PasswordHash), nameof(Account.SecurityStamp), nameof(Account.ConcurrencyStamp), nameof(ApiKey.SecretHash),
        nameof(Credentials.CredentialKeyRecord.ProtectedPrivateKey),
        // Nor do columns worked out from the audited ones on every save (the search's stored state): not a change of their own.
        nameof(Core.Certificates.Certificate.IndexedState), nameof(Core.Certificates.Certificate.IndexedStateUntil),
    };

    public static List<AuditEntry> Collect(ChangeTracker tracker, string actor, DateTimeOffset now)
    {
        var entries = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (!AuditMarkers.IsAudited(entry.Metadata.ClrType)) continue;
            var action = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Modified => "update",
                EntityState.Deleted => "delete",
                _ => null,
            };
            if (action is null) continue;
            var props = entry.Properties
                .Where(p => !Hidden.Contains(p.Metadata.Name) && (entry.State != EntityState.Modified || p.IsModified))
                .ToList();
            if (entry.State == EntityState.Modified && props.Count == 0) continue;
            entries.Add(new AuditEntry
            {
                At = now,
                Actor = actor,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Before = entry.State == EntityState.Added ? null : Json(props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                After = entry.State == EntityState.Deleted ? null : Json(props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)),
            });
        }
        return entries;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string Json(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(values, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
