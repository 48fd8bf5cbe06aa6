using CertGuard.Data.Audit;
using CertGuard.Data.Instances;
using CertGuard.Data.Settings;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Audit;

/// <summary>
/// Signs the audit chain's head every <see cref="AuditCheckpointOptions.Interval"/> when it moved, into the database and
/// the checkpoint file. One instance makes each interval's checkpoint (<see cref="ScheduledRuns"/>); the file is written
/// on that instance (give each instance's <c>Audit:Checkpoint:File</c> to the same off-site copy, or collect them).
/// </summary>
public sealed class AuditCheckpointJob(
    IServiceScopeFactory scopes, IOptions<AuditCheckpointOptions> options, ILogger<AuditCheckpointJob> log, TimeProvider clock, ScheduledRuns? runs = null)
    : BackgroundService
{
    public const string JobName = "audit.checkpoint";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var interval = options.Value.Interval > TimeSpan.Zero ? options.Value.Interval : TimeSpan.FromHours(1);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (runs is null) await CheckpointAsync(stoppingToken);
                else await runs.RunAsync(JobName, JobSlots.Every(clock.GetUtcNow(), interval), async t =>
                {
                    await CheckpointAsync(t);
                    return true;
                }, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "The audit checkpoint failed; it is tried again in {Interval}", interval);
            }
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
        if (await checkpoints.CreateAsync(onlyIfMoved: true, ct) is { } c)
            log.LogInformation("Audit checkpoint at entry {Sequence} ({Hash}) written to {File}", c.Sequence, c.Hash, checkpoints.FilePath);
    }
}

public static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddHostedService<AuditCheckpointJob>();
        services.AddSettings<AuditReadOptions>(AuditReadOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure(o => o.AddPolicy<string, AuditReadLimit>(AuditReadLimit.Policy));
        return services;
    }
}
