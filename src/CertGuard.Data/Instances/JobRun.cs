using CertGuard.Core.Auditing;

namespace CertGuard.Data.Instances;

/// <summary>
/// One scheduled run of a background job that completed: the job's name and the scheduled slot it ran for. Several
/// instances wake for the same slot; the one holding the job's lease runs it and records it here, the others find the
/// record and skip (<see cref="ScheduledRuns"/>).
/// </summary>
[NotAudited("a record of the platform's own scheduling; what the job changed is audited as the job's actor")]
public sealed class JobRun
{
    public const int JobMaxLength = 64;
    public const int InstanceMaxLength = 64;

    public JobRun(string job, DateTimeOffset slot, string instance, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        Job = job;
        Slot = slot;
        Instance = instance;
        StartedAt = startedAt;
        FinishedAt = finishedAt;
    }

    /// <summary>The job's stable name, e.g. <c>reviews.mark-overdue</c>.</summary>
    public string Job { get; private set; }

    /// <summary>The scheduled instant (UTC) this run served: a daily run's time of day, an interval's start.</summary>
    public DateTimeOffset Slot { get; private set; }

    /// <summary>Which instance ran it (<c>Instance:Name</c>).</summary>
    public string Instance { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset FinishedAt { get; private set; }
}
