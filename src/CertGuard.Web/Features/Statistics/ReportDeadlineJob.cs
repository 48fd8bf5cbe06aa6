using System.ComponentModel.DataAnnotations;
using CertGuard.Data.Accounts;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Campaigns.Reports;
using CertGuard.Data.Instances;
using CertGuard.Web.Features.Reminders;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Statistics;

/// <summary>The <c>Statistics:DeadlineJob</c> configuration section.</summary>
public sealed class ReportDeadlineOptions
{
    public const string Section = "Statistics:DeadlineJob";

    /// <summary>Off in the integration tests, which run the sweep themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The time of day, China Standard Time: just after midnight makes the 25th's reports late on the 26th.</summary>
    public TimeOnly RunAt { get; set; } = new(0, 10);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The daily deadline sweep: at start, then each day at <see cref="ReportDeadlineOptions.RunAt"/> (UTC+8), reports
/// not submitted by their 25th are flagged late (逾期) as <see cref="Actor"/>, and so are the cities' implementation
/// plans not submitted by the campaign's plan deadline (<see cref="PlanDeadlines"/>). The reminders before the 25th are the
/// city offices' workbench items (<see cref="ReportWorkItems"/>), which need no job.
/// </summary>
public sealed class ReportDeadlineJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReportDeadlineOptions> options, ILogger<ReportDeadlineJob> log, ScheduledRuns? runs = null)
    : BackgroundService
{
    public const string JobName = "statistics.report-deadlines";

    public static readonly SystemActor Actor = SystemActor.Job(JobName);

    /// <summary>The run of the current daily slot, once across instances (<see cref="ScheduledRuns"/>).</summary>
    public async Task<JobRunOutcome> RunScheduledAsync(CancellationToken ct)
    {
        if (runs is null) return await RunOnceAsync(ct) is null ? JobRunOutcome.Failed : JobRunOutcome.Ran;
        return await runs.RunAsync(JobName, JobSlots.Daily(clock.GetUtcNow(), options.Value.RunAt), async t => await RunOnceAsync(t) is not null, ct);
    }

    public async Task<DeadlineRun?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateActorScope(Actor);
            var run = await scope.ServiceProvider.GetRequiredService<ReportDeadlines>().RunAsync(ct);
            run = run with { PlansFlagged = await scope.ServiceProvider.GetRequiredService<PlanDeadlines>().RunAsync(ct) };
            log.LogInformation("Report deadlines: {Created} reports opened, {Flagged} flagged late, {Plans} plans flagged late", run.Created, run.Flagged, run.PlansFlagged);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(ex, "The report-deadline run failed; it is tried again in {Retry}", options.Value.RetryAfter);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var outcome = await RunScheduledAsync(stoppingToken);
            var now = clock.GetUtcNow();
            var next = OverdueReviewJob.NextRunAfter(now, options.Value.RunAt);
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
