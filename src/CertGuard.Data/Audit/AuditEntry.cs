using CertGuard.Core.Auditing;

namespace CertGuard.Data.Audit;

/// <summary>
/// One entry of the append-only audit log. <see cref="Hash"/> covers the entry and the previous entry's hash,
/// so editing or deleting any entry breaks the chain from there on.
/// </summary>
[NotAudited("the audit log itself, sealed in its hash chain")]
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    /// <summary><c>create</c>, <c>update</c>, <c>delete</c>, or an access such as <c>view-full-id</c>.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>JSON of the changed properties before the change.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed properties after the change.</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
