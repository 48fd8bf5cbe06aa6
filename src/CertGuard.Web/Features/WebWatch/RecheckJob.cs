using CertGuard.Data.Accounts;
using CertGuard.Data.Instances;
using CertGuard.Data.WebWatch;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.WebWatch;

/// <summary>
/// 复查: every <c>WebWatch:RecheckJob:Interval</c>, looks again at each disposed suspect whose re-check is due
/// (<c>WebWatch:RecheckAfterDays</c> after its disposal): back online reopens it, still gone ends it.
/// </summary>
public sealed class RecheckJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebWatchOptions> options, ILogger<RecheckJob> log, ScheduledRuns? runs = null) : BackgroundService
{
    public const string JobName = "webwatch.recheck";

    public static readonly SystemActor Actor = SystemActor.Job(JobName);

    /// <summary>The sweep of the current interval, once across instances (<see cref="ScheduledRuns"/>).</summary>
    public async Task<JobRunOutcome> RunScheduledAsync(CancellationToken ct)
    {
        if (runs is null)
        {
            await RunOnceAsync(ct);
            return JobRunOutcome.Ran;
        }
        return await runs.RunAsync(JobName, JobSlots.Every(clock.GetUtcNow(), options.Value.RecheckJob.Interval), async t =>
        {
            await RunOnceAsync(t);
            return true;
        }, ct);
    }

    /// <summary>One sweep of the re-checks due by <paramref name="asOf"/> (now, or a later instant in tests).</summary>
    public async Task<(int Checked, int Reopened)> RunOnceAsync(CancellationToken ct, DateTimeOffset? asOf = null)
    {
        await using var scope = scopes.CreateActorScope(Actor);
        var desk = scope.ServiceProvider.GetRequiredService<WebWatchDesk>();
        var result = await desk.RecheckDueAsync(asOf ?? clock.GetUtcNow(), ct);
        if (result.Checked > 0) log.LogInformation("Web watch re-check: {Checked} checked, {Reopened} reopened", result.Checked, result.Reopened);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RecheckJob.Enabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunScheduledAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "The web watch re-check failed");
            }
            try
            {
                var now = clock.GetUtcNow();
                var interval = options.Value.RecheckJob.Interval;
                await Task.Delay(runs is null ? interval : JobSlots.NextEvery(now, interval) - now, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
