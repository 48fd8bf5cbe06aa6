using CertGuard.Data.Audit;
using CertGuard.Data.Settings;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Audit;

/// <summary>
/// Signs the audit chain's head every <see cref="AuditCheckpointOptions.Interval"/> when it moved, into the database and
/// the checkpoint file. Several instances may each make one; a duplicate checkpoint is harmless.
/// </summary>
public sealed class AuditCheckpointJob(IServiceScopeFactory scopes, IOptions<AuditCheckpointOptions> options, ILogger<AuditCheckpointJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var interval = options.Value.Interval > TimeSpan.Zero ? options.Value.Interval : TimeSpan.FromHours(1);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
                if (await checkpoints.CreateAsync(onlyIfMoved: true, stoppingToken) is { } c)
                    log.LogInformation("Audit checkpoint at entry {Sequence} ({Hash}) written to {File}", c.Sequence, c.Hash, checkpoints.FilePath);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "The audit checkpoint failed; it is tried again in {Interval}", interval);
            }
        }
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
