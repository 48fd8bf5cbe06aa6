using CertGuard.Core.Verification;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Verification;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Verification;

/// <summary>
/// The single writer of the verification log: takes what checks queued in <see cref="VerificationLog"/> and stores it
/// in batches (one INSERT round trip for up to <see cref="BatchSize"/> checks), then lets the signal rules look at the
/// batch. Signals are found here, after the answer was sent, so no check waits for them or is timed by them.
/// A batch that cannot be stored (database away) is kept and tried again, not dropped.
/// </summary>
public sealed class VerificationLogWriter(
    VerificationLog log, IServiceScopeFactory scopes, IOptions<VerificationLogOptions> options, ILogger<VerificationLogWriter> logger) : BackgroundService
{
    private readonly bool _discard = options.Value.DiscardForLoadMeasurement;

    public const int BatchSize = 1000;

    /// <summary>Who the audit log names for the signals the writer raises.</summary>
    public static readonly SystemActor Actor = SystemActor.Job("verification.log");

    // Under load, a short wait lets a batch fill; a lone check is stored within this delay.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_discard) logger.LogWarning("Verification:Log:DiscardForLoadMeasurement is set: checks are NOT logged and no signal is raised");
        var batch = new List<VerificationRecord>(BatchSize);
        try
        {
            while (await log.Queue.WaitToReadAsync(stoppingToken))
            {
                Take(batch);
                if (batch.Count < BatchSize)
                {
                    await Task.Delay(Gather, stoppingToken);
                    Take(batch);
                }
                await StoreAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: store what is already queued, without waiting for more.
            Take(batch);
            if (batch.Count > 0) await StoreAsync(batch, CancellationToken.None, retry: false);
        }
    }

    private void Take(List<VerificationRecord> batch)
    {
        while (batch.Count < BatchSize && log.Queue.TryRead(out var record)) batch.Add(record);
    }

    private async Task StoreAsync(List<VerificationRecord> batch, CancellationToken ct, bool retry = true)
    {
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateActorScope(Actor);
                if (!_discard) await VerificationLogStore.StoreAsync(scope.ServiceProvider.GetRequiredService<CertGuardDbContext>(), batch, ct);
            }
            catch (Exception ex) when (retry && ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Storing {Count} verification log entries failed; trying again in {Delay}", batch.Count, RetryAfter);
                await Task.Delay(RetryAfter, ct);
                continue;
            }
            try
            {
                if (!_discard) await FindSignalsAsync(batch, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The checks are stored; the log stays the evidence and the next batch's rules look again.
                logger.LogError(ex, "Looking for signals in {Count} verification log entries failed", batch.Count);
            }
            log.MarkStored(batch.Count);
            batch.Clear();
            return;
        }
    }

    private async Task FindSignalsAsync(IReadOnlyList<VerificationRecord> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateActorScope(Actor);
        await scope.ServiceProvider.GetRequiredService<SignalDetector>().ExamineAsync(batch, ct);
    }
}
