using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Instances;
using CertGuard.Data.Registry;
using CertGuard.Data.Reviews;
using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace CertGuard.Web.Features.Reminders;

/// <summary>The <c>Reviews:OverdueJob</c> configuration section.</summary>
public sealed class OverdueReviewOptions
{
    public const string Section = "Reviews:OverdueJob";

    /// <summary>Off in the integration tests, which run the sweep themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The time of day, China Standard Time, of the daily run: just after midnight makes yesterday's due dates overdue.</summary>
    public TimeOnly RunAt { get; set; } = new(0, 5);

    [Range(1, 100_000)]
    public int BatchSize { get; set; } = OverdueReviews.DefaultBatchSize;

    /// <summary>After a failed run (database unreachable …), try again this soon rather than a day later.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The daily job: at start, then every day at <see cref="OverdueReviewOptions.RunAt"/> (UTC+8), marks overdue
/// certificates invalid as <see cref="Actor"/> and works out the certificates' stored states for the new day
/// (<see cref="StoredStates"/>). With several instances one runs each day's slot (<see cref="ScheduledRuns"/>);
/// should two runs still meet, a certificate both mark is saved by one, and the other's batch retries.
/// </summary>
public sealed class OverdueReviewJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<OverdueReviewOptions> options, ILogger<OverdueReviewJob> log, ScheduledRuns? runs = null)
    : BackgroundService
{
    /// <summary>The job's name in leases and run records.</summary>
    public const string JobName = "reviews.mark-overdue";

    /// <summary>Who the audit log names for the job's changes.</summary>
    public static readonly SystemActor Actor = SystemActor.Job(JobName);

    private int _completedRuns;

    /// <summary>How many runs have finished (successfully or not) since the job started.</summary>
    public int CompletedRuns => Volatile.Read(ref _completedRuns);

    public OverdueRun? LastRun { get; private set; }

    /// <summary>The next run strictly after <paramref name="now"/>: the coming <paramref name="runAt"/> in China time.</summary>
    public static DateTimeOffset NextRunAfter(DateTimeOffset now, TimeOnly runAt)
    {
        var china = ChinaTime.ToChina(now);
        var today = new DateTimeOffset(DateOnly.FromDateTime(china.DateTime).ToDateTime(runAt), ChinaTime.Offset);
        return today > now ? today : today.AddDays(1);
    }

    /// <summary>One run, in its own scope (its own database context); null when it failed (logged).</summary>
    public async Task<OverdueRun?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateActorScope(Actor);
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            var today = ChinaTime.Today(clock);
            var run = await new OverdueReviews(db, clock).RunAsync(today, options.Value.BatchSize, ct);
            // The day's transitions (and any stored state that drifted, e.g. after the rules in force changed).
            var states = await StoredStates.RefreshAllAsync(db, today, scope.ServiceProvider.GetRequiredService<CertificateRules>(), ct: ct);
            LastRun = run;
            log.LogInformation("Overdue reviews on {Today}: {Marked} certificates marked invalid in {Batches} batches; {States} stored states worked out again",
                run.Today, run.Marked, run.Batches, states);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(ex, "The overdue-review run failed; it is tried again in {Retry}", options.Value.RetryAfter);
            return null;
        }
        finally
        {
            Interlocked.Increment(ref _completedRuns);
        }
    }

    /// <summary>The run of the current daily slot, unless another instance runs or ran it (without run records: a plain run).</summary>
    public async Task<JobRunOutcome> RunScheduledAsync(CancellationToken ct)
    {
        if (runs is null) return await RunOnceAsync(ct) is null ? JobRunOutcome.Failed : JobRunOutcome.Ran;
        return await runs.RunAsync(JobName, JobSlots.Daily(clock.GetUtcNow(), options.Value.RunAt), async t => await RunOnceAsync(t) is not null, ct);
    }

    /// <summary>
    /// At a start that does not run today's slot (another instance ran it): the stored states that lapsed since the last run (or were never worked
    /// out, after an upgrade), so the registry search reads them from its index again without waiting for the next day.
    /// </summary>
    public async Task<int?> RefreshLapsedStatesAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateActorScope(Actor);
            var db = scope.ServiceProvider.GetRequiredService<CertGuardDbContext>();
            return await StoredStates.RefreshLapsedAsync(db, ChinaTime.Today(clock), scope.ServiceProvider.GetRequiredService<CertificateRules>(), ct: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(ex, "Working out the lapsed stored states failed; the daily run does it");
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield();
        var starting = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var outcome = await RunScheduledAsync(stoppingToken);
            // A run works the lapsed states out itself; when today's slot was another's, this start does.
            if (starting && outcome != JobRunOutcome.Ran) await RefreshLapsedStatesAsync(stoppingToken);
            starting = false;
            var now = clock.GetUtcNow();
            var next = NextRunAfter(now, options.Value.RunAt);
            if (outcome == JobRunOutcome.Failed && now + options.Value.RetryAfter < next) next = now + options.Value.RetryAfter;
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
