namespace CertGuard.Data.Audit;

/// <summary>The <c>Audit:Checkpoint</c> section: when the chain's head is signed, and where the copy for the operator goes.</summary>
public sealed class AuditCheckpointOptions
{
    public const string Section = "Audit:Checkpoint";

    /// <summary>The periodic job (a checkpoint is also made on demand: the API and <c>certguard audit checkpoint</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job signs the head, when it moved since the last checkpoint.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The file each checkpoint is also written to (replaced each time). Keep a copy away from the database server,
    /// e.g. on write-once storage. Default: <c>audit-checkpoint.json</c> in the external key's folder.
    /// </summary>
    public string? File { get; set; }
}
