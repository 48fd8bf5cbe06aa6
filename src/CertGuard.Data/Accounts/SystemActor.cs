using CertGuard.Core.Accounts;

namespace CertGuard.Data.Accounts;

/// <summary>
/// The platform acting by itself, under a name that says which part of it acted, so the audit log tells a job's
/// change from a command's. Sees everything (no scope).
/// </summary>
public sealed record SystemActor(string Name) : IActor
{
    /// <summary>Start-up work (migrations, the demo seed) and design-time tools.</summary>
    public static readonly SystemActor Platform = new("system");

    public const string JobPrefix = "job:";
    public const string CliPrefix = "cli:";

    public AccessScope? Scope => null;

    /// <summary>A background job, e.g. <c>SystemActor.Job("reviews.mark-overdue")</c> acts as <c>job:reviews.mark-overdue</c>.</summary>
    public static SystemActor Job(string job) => new(JobPrefix + job);

    /// <summary>The command line, run by an operating-system user.</summary>
    public static SystemActor Cli(string user) => new(CliPrefix + user);

    /// <summary>Whether an actor name recorded in a history or the audit log is the platform's own (not an officer's).</summary>
    public static bool IsSystemName(string actor) =>
        actor == Platform.Name || actor.StartsWith(JobPrefix, StringComparison.Ordinal) || actor.StartsWith(CliPrefix, StringComparison.Ordinal);
}
