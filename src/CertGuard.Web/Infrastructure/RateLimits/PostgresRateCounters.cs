using System.Security.Cryptography;
using System.Text;
using CertGuard.Data.Database;
using CertGuard.Data.Settings;
using Npgsql;
using NpgsqlTypes;

namespace CertGuard.Web.Infrastructure.RateLimits;

/// <summary>
/// The shared counters: one row per limit and client (or number) in the UNLOGGED table <c>RateLimitCounters</c>,
/// advanced by ONE atomic <c>INSERT … ON CONFLICT DO UPDATE</c> per check, whichever instance asks. PostgreSQL's row
/// lock orders concurrent checks of one key, so N instances let through exactly what one would. The database's clock
/// (<c>now()</c>) is the only clock, so instances whose clocks differ still agree. Its own pooled data source on the
/// primary (never a replica: every check writes).
/// </summary>
public sealed class PostgresRateCounters(DatabaseOptions database) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(database.EffectiveConnectionString);

    // A token bucket refilled continuously at $3 tokens a second up to $2; a check takes one token when one is there.
    // "available" is the bucket after the refill, computed from the row's stamp; the row keeps the later stamp so a
    // check whose transaction began a moment earlier never refills backwards.
    private const string Available = """LEAST($2, c."Tokens" + GREATEST(0, EXTRACT(EPOCH FROM now() - c."Stamp")::float8) * $3)""";

    private static readonly string BucketSql = $"""
        INSERT INTO "RateLimitCounters" AS c ("Key", "Tokens", "Stamp", "Granted", "ExpiresAt")
        VALUES ($1, $2 - 1, now(), TRUE, now() + make_interval(secs => 1 / $3))
        ON CONFLICT ("Key") DO UPDATE SET
            "Tokens" = CASE WHEN {Available} >= 1 THEN {Available} - 1 ELSE {Available} END,
            "Granted" = {Available} >= 1,
            "Stamp" = GREATEST(c."Stamp", now()),
            "ExpiresAt" = GREATEST(c."Stamp", now()) + make_interval(secs => ($2 - CASE WHEN {Available} >= 1 THEN {Available} - 1 ELSE {Available} END) / $3)
        RETURNING "Granted", CASE WHEN "Granted" THEN 0 ELSE (1 - "Tokens") / $3 END
        """;

    // A fixed window of $2 permits per $3 seconds from its first check: "Tokens" counts the permits used.
    private const string Fresh = """now() >= c."Stamp" + make_interval(secs => $3)""";

    private static readonly string WindowSql = $"""
        INSERT INTO "RateLimitCounters" AS c ("Key", "Tokens", "Stamp", "Granted", "ExpiresAt")
        VALUES ($1, 1, now(), TRUE, now() + make_interval(secs => $3))
        ON CONFLICT ("Key") DO UPDATE SET
            "Tokens" = CASE WHEN {Fresh} THEN 1 WHEN c."Tokens" < $2 THEN c."Tokens" + 1 ELSE c."Tokens" END,
            "Granted" = {Fresh} OR c."Tokens" < $2,
            "Stamp" = CASE WHEN {Fresh} THEN now() ELSE c."Stamp" END,
            "ExpiresAt" = CASE WHEN {Fresh} THEN now() ELSE c."Stamp" END + make_interval(secs => $3)
        RETURNING "Granted", GREATEST(0, EXTRACT(EPOCH FROM "ExpiresAt" - now())::float8)
        """;

    /// <summary>Takes one permit of <paramref name="limiter"/> for <paramref name="key"/>: granted, or how long until one is there.</summary>
    public async Task<(bool Granted, TimeSpan RetryAfter)> TakeAsync(string limiter, string key, SharedRule rule, CancellationToken ct)
    {
        await using var command = _source.CreateCommand(rule.IsWindow ? WindowSql : BucketSql);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Char, TypedValue = Hash(limiter, key) });
        command.Parameters.Add(new NpgsqlParameter<double> { NpgsqlDbType = NpgsqlDbType.Double, TypedValue = rule.Capacity });
        command.Parameters.Add(new NpgsqlParameter<double> { NpgsqlDbType = NpgsqlDbType.Double, TypedValue = rule.Rate });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0), TimeSpan.FromSeconds(reader.GetDouble(1)));
    }

    /// <summary>Deletes counters back at rest (a full bucket, a closed window): no row means the same.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var command = _source.CreateCommand("""DELETE FROM "RateLimitCounters" WHERE "ExpiresAt" < now()""");
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The row's key: no client address or certificate number is stored, only this hash.</summary>
    public static string Hash(string limiter, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(limiter + "\n" + key)));

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}

/// <summary>Each instance deletes counters back at rest every <see cref="RateLimitStoreOptions.PurgeEvery"/> (idempotent: no lease needed).</summary>
internal sealed partial class RateLimitCounterPurge(
    RateLimitStore store, IServiceProvider services, Microsoft.Extensions.Options.IOptions<RateLimitStoreOptions> options, TimeProvider clock,
    ILogger<RateLimitCounterPurge> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!store.IsShared) return;
        var counters = services.GetRequiredService<PostgresRateCounters>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PurgeEvery, clock, stoppingToken);
                await counters.PurgeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException ex)
            {
                LogFailed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging the shared rate-limit counters failed; tried again later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class RateLimitStoreServices
{
    /// <summary>The store every public limiter counts in (<c>RateLimits:Store</c>, validated at start).</summary>
    public static IServiceCollection AddRateLimitStore(this IServiceCollection services)
    {
        services.AddSettings<RateLimitStoreOptions>(RateLimitStoreOptions.Section);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<RateLimitStoreOptions>, RateLimitStoreValidation>();
        services.AddSingleton<PostgresRateCounters>();
        services.AddSingleton<RateLimitStore>();
        services.AddHostedService<RateLimitCounterPurge>();
        return services;
    }
}
