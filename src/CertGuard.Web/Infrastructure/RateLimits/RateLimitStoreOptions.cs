using CertGuard.Data.Database;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Infrastructure.RateLimits;

public enum RateLimitStoreKind
{
    /// <summary>In this process (the default): right for one instance, e.g. the SQLite demo.</summary>
    Memory,

    /// <summary>In the PostgreSQL database all instances share (an UNLOGGED table, one upsert per check).</summary>
    Postgres,
}

/// <summary>The <c>RateLimits</c> configuration section: where the public rate limits count (docs/deployment-instances.md).</summary>
public sealed class RateLimitStoreOptions
{
    public const string Section = "RateLimits";

    /// <summary><c>Memory</c> or <c>Postgres</c>; several instances need <c>Postgres</c>. As <c>RateLimits__Store</c>.</summary>
    public RateLimitStoreKind Store { get; set; } = RateLimitStoreKind.Memory;

    /// <summary>How often each instance deletes counters that are back to their resting state.</summary>
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>The shared store lives in the platform's PostgreSQL database: on SQLite it is a mistake, stopped at start.</summary>
internal sealed class RateLimitStoreValidation(DatabaseOptions database) : IValidateOptions<RateLimitStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitStoreOptions options)
    {
        const string key = RateLimitStoreOptions.Section + ":" + nameof(RateLimitStoreOptions.Store);
        if (!Enum.IsDefined(options.Store))
            return ValidateOptionsResult.Fail($"配置项 {key} 无效（Invalid setting {key}）：只能是 Memory 或 Postgres。");
        if (options.Store == RateLimitStoreKind.Postgres && database.Provider != DatabaseProvider.Postgres)
            return ValidateOptionsResult.Fail($"配置项 {key} 无效（Invalid setting {key}）：Postgres 需要 Database:Provider 为 Postgres。");
        if (options.PurgeEvery < TimeSpan.FromSeconds(10) || options.PurgeEvery > TimeSpan.FromDays(1))
            return ValidateOptionsResult.Fail($"配置项 {RateLimitStoreOptions.Section}:PurgeEvery 无效（Invalid setting {RateLimitStoreOptions.Section}:PurgeEvery）：应在 00:00:10 与 1.00:00:00 之间。");
        return ValidateOptionsResult.Success;
    }
}
