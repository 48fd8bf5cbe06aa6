using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Verification;
using CertGuard.Data.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace CertGuard.Web.Features.Verification;

/// <summary>The <c>Verification:Log</c> configuration section.</summary>
public sealed class VerificationLogOptions
{
    public const string Section = "Verification:Log";

    /// <summary>
    /// How long checks are kept (PIPL: no longer than the purpose needs). Two years covers a certificate's review cycle
    /// twice over; fewer than <see cref="MinimumRetentionDays"/> stops the host at start, and the database refuses to delete
    /// entries younger than that whatever this says.
    /// </summary>
    [Range(MinimumRetentionDays, 36_500)]
    public int RetentionDays { get; set; } = 730;

    public const int MinimumRetentionDays = 30;

    /// <summary>The days actually kept: <see cref="RetentionDays"/>, never fewer than <see cref="MinimumRetentionDays"/>.</summary>
    public int EffectiveRetentionDays => Math.Max(RetentionDays, MinimumRetentionDays);

    /// <summary>How often the purge of expired entries runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromHours(24);

    public bool PurgeEnabled { get; set; } = true;

    /// <summary>
    /// Only for the load benchmark's with/without comparison (bench/load/public-verify.sh): the writer drains the queue
    /// without storing. Never set in service: the log is the evidence the signals and the holder's view rest on.
    /// </summary>
    public bool DiscardForLoadMeasurement { get; set; }
}

/// <summary>
/// Deletes verification log entries older than the retention period, daily. The only deletion the log allows. Each
/// <see cref="VerificationLogOptions.PurgeEvery"/> slot is purged by one instance (<see cref="ScheduledRuns"/>).
/// </summary>
public sealed class VerificationRetention(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<VerificationLogOptions> options, ILogger<VerificationRetention> logger, ScheduledRuns? runs = null)
    : BackgroundService
{
    public const string JobName = "verification.retention";

    /// <summary>The purge of the current slot, once across instances.</summary>
    public async Task<JobRunOutcome> RunScheduledAsync(CancellationToken ct)
    {
        if (runs is null)
        {
            await PurgeOnceAsync(ct);
            return JobRunOutcome.Ran;
        }
        return await runs.RunAsync(JobName, JobSlots.Every(clock.GetUtcNow(), options.Value.PurgeEvery), async t =>
        {
            await PurgeOnceAsync(t);
            return true;
        }, ct);
    }

    public async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        var days = options.Value.EffectiveRetentionDays;
        var now = clock.GetUtcNow();
        var before = now.AddDays(-days);
        await using var scope = scopes.CreateActorScope(SystemActor.Job("verification.retention"));
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        long purged = 0;
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL keeps the log in monthly partitions: the coming months are made ready, and a month wholly past
            // retention is dropped at once instead of deleted row by row (the database refuses a young cut-off).
            await VerificationLogPartitions.EnsureAheadAsync(db, now, ct);
            foreach (var dropped in await VerificationLogPartitions.DropBeforeAsync(db, before, ct))
            {
                logger.LogWarning("Verification log: partition {Partition} dropped with its {Count} entries, all older than {Days} days",
                    dropped.Partition, dropped.Entries, days);
                purged += dropped.Entries;
            }
        }
        // The month straddling the cut-off (and any old rows of the default partition) loses only its older rows.
        var deleted = await db.VerificationLog.Where(r => r.At < before).ExecuteDeleteAsync(ct);
        if (deleted > 0) logger.LogInformation("Verification log: {Count} entries older than {Days} days purged", deleted, days);
        purged += deleted;
        return (int)Math.Min(purged, int.MaxValue);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PurgeEnabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunScheduledAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging the verification log failed; tried again at the next run");
            }
            try
            {
                var now = clock.GetUtcNow();
                await Task.Delay(runs is null ? options.Value.PurgeEvery : JobSlots.NextEvery(now, options.Value.PurgeEvery) - now, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
