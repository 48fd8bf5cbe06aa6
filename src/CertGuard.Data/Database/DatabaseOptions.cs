using System.ComponentModel.DataAnnotations;

namespace CertGuard.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The <c>Database</c> configuration section; as environment variables <c>Database__Provider</c> and
/// <c>Database__ConnectionString</c>.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public const string DefaultSqliteConnection = "Data Source=data/certguard.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only: a streaming replica for reads that need not see the latest write (the public query, read-only
    /// pages). Unset, every read goes to <see cref="ConnectionString"/>. As <c>Database__ReadConnectionString</c>.
    /// </summary>
    public string? ReadConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
            yield return new ValidationResult("只能是 Sqlite 或 Postgres。", [nameof(Provider)]);
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Database:Provider 为 Postgres 时必须设置。", [nameof(ConnectionString)]);
        if (Provider != DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(ReadConnectionString))
            yield return new ValidationResult("只读副本只支持 PostgreSQL（Database:Provider 为 Postgres）。", [nameof(ReadConnectionString)]);
    }

    /// <summary>
    /// SQLite: how long a write waits for another's write lock before it fails (and is answered 503 with
    /// Retry-After), unless the connection string sets <c>Default Timeout</c>. SQLite has one writer at a time: a long
    /// import holds it, and an officer's save should be told so in seconds, not hang for the driver's 30.
    /// </summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 5;

    public string EffectiveConnectionString => ConnectionString is { Length: > 0 } s ? s
        : Provider == DatabaseProvider.Sqlite ? DefaultSqliteConnection
        : throw new InvalidOperationException("Database:Provider 为 Postgres 时必须设置 Database:ConnectionString。");

    /// <summary>Where reads that may lag go: the replica when one is configured, else the primary.</summary>
    public string EffectiveReadConnectionString => ReadConnectionString is { Length: > 0 } r ? r : EffectiveConnectionString;
}
