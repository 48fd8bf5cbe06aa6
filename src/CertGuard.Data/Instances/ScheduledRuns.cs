using CertGuard.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Instances;

public enum JobRunOutcome
{
    /// <summary>This instance ran it, and recorded the run.</summary>
    Ran,

    /// <summary>Another instance holds the job's lease: it is running now.</summary>
    HeldElsewhere,

    /// <summary>The slot's run is recorded already (another instance, or this one, did it).</summary>
    AlreadyRun,

    /// <summary>The run failed (logged); nothing is recorded, so a retry in the same slot runs it again.</summary>
    Failed,
}

/// <summary>
/// "Once per schedule" across instances: a run takes the job's lease (<see cref="IJobLeases"/>), then checks the
/// slot's <see cref="JobRun"/> record, and records it after the work succeeded. Two instances waking at the same
/// minute: one holds the lease, the other skips; one waking after the other finished finds the record and skips.
/// </summary>
public sealed partial class ScheduledRuns(IServiceScopeFactory scopes, IJobLeases leases, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<ScheduledRuns> log)
{
    /// <summary>How long run records are kept (they only need to outlive their slot).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(90);

    /// <summary>Runs <paramref name="work"/> (true = succeeded) for <paramref name="slot"/> unless another instance does or did.</summary>
    public async Task<JobRunOutcome> RunAsync(string job, DateTimeOffset slot, Func<CancellationToken, Task<bool>> work, CancellationToken ct)
    {
        slot = slot.ToUniversalTime();
        try
        {
            await using var lease = await leases.TryAcquireAsync(job, ct);
            if (lease is null)
            {
                LogHeld(log, job, slot);
                return JobRunOutcome.HeldElsewhere;
            }
            if (await HasRunAsync(job, slot, ct))
            {
                LogAlreadyRun(log, job, slot);
                return JobRunOutcome.AlreadyRun;
            }
            var started = clock.GetUtcNow();
            if (!await work(ct)) return JobRunOutcome.Failed;
            await using var scope = scopes.CreateActorScope(SystemActor.Job(job));
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            db.Set<JobRun>().Add(new JobRun(job, slot, instance.Value.Name, started, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            var old = slot - Kept;
            await db.Set<JobRun>().Where(r => r.Job == job && r.Slot < old).ExecuteDeleteAsync(ct);
            return JobRunOutcome.Ran;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(log, ex, job, slot);
            return JobRunOutcome.Failed;
        }
    }

    public async Task<bool> HasRunAsync(string job, DateTimeOffset slot, CancellationToken ct)
    {
        slot = slot.ToUniversalTime();
        await using var scope = scopes.CreateActorScope(SystemActor.Job(job));
        var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
        return await db.Set<JobRun>().AnyAsync(r => r.Job == job && r.Slot == slot, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} for {Slot}: another instance holds its lease, skipped here")]
    private static partial void LogHeld(ILogger logger, string job, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} for {Slot}: already run, skipped")]
    private static partial void LogAlreadyRun(ILogger logger, string job, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} for {Slot} failed; it is tried again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, DateTimeOffset slot);
}
