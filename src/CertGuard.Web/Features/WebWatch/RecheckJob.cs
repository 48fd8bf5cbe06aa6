using CertGuard.Data.Accounts;
using CertGuard.Data.WebWatch;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.WebWatch;

/// <summary>
/// 复查: every <c>WebWatch:RecheckJob:Interval</c>, looks again at each disposed suspect whose re-check is due
/// (<c>WebWatch:RecheckAfterDays</c> after its disposal): back online reopens it, still gone ends it.
/// </summary>
public sealed class RecheckJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebWatchOptions> options, ILogger<RecheckJob> log) : BackgroundService
{
    public static readonly SystemActor Actor = SystemActor.Job("webwatch.recheck");

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
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "The web watch re-check failed");
            }
            try
            {
                await Task.Delay(options.Value.RecheckJob.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
