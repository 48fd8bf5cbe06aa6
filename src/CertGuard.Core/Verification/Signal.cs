using CertGuard.Core.Auditing;

namespace CertGuard.Core.Verification;

/// <summary>
/// A suspicion the verification log raised, waiting for its city office: one per subject (a certificate number,
/// an origin) and kind while open; further evidence raises its count instead of opening another.
/// </summary>
[Audited]
public sealed class Signal
{
    public const int ReasonMaxLength = 500;

    private Signal()
    {
        Subject = RegionCode = Evidence = "";
    }

    public Signal(SignalKind kind, string subject, string regionCode, string evidence, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Kind = kind;
        Subject = subject;
        RegionCode = regionCode;
        Evidence = evidence;
        FirstSeen = LastSeen = at;
        Count = 1;
        State = SignalState.Open;
    }

    public Guid Id { get; private set; }

    public SignalKind Kind { get; private set; }

    /// <summary>What it is about: a certificate number (bare ID number or as written), or an origin network.</summary>
    public string Subject { get; private set; }

    /// <summary>The city office that reviews it; the province code when no city can be told.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The registry certificate concerned, when there is one.</summary>
    public Guid? CertificateId { get; set; }

    /// <summary>What was seen, in Chinese, for the official (latest evidence; the log holds every check).</summary>
    public string Evidence { get; private set; }

    /// <summary>Finding codes (forged form) or other stable detail, comma-separated.</summary>
    public string? Codes { get; set; }

    public DateTimeOffset FirstSeen { get; private set; }

    public DateTimeOffset LastSeen { get; private set; }

    /// <summary>How many times it was seen (checks, mismatching queries, employers, not-found queries).</summary>
    public int Count { get; private set; }

    public SignalState State { get; private set; }

    public string? ResolutionReason { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid? LeadId { get; private set; }

    public void SeenAgain(string evidence, int count, DateTimeOffset at)
    {
        Evidence = evidence;
        Count = Math.Max(Count, count);
        if (at > LastSeen) LastSeen = at;
    }

    public void Dismiss(string reason, string by, DateTimeOffset at)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
            throw Refusal.Invalid("SIGNAL-REASON-REQUIRED");
        ResolutionReason = reason.Trim() is { Length: > ReasonMaxLength } r ? r[..ReasonMaxLength] : reason.Trim();
        Resolve(SignalState.Dismissed, by, at);
    }

    public void TurnIntoLead(Guid leadId, string? note, string by, DateTimeOffset at)
    {
        EnsureOpen();
        LeadId = leadId;
        ResolutionReason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Resolve(SignalState.Lead, by, at);
    }

    private void Resolve(SignalState state, string by, DateTimeOffset at)
    {
        State = state;
        ResolvedBy = by;
        ResolvedAt = at;
    }

    private void EnsureOpen()
    {
        if (State != SignalState.Open)
            throw Refusal.Conflict("SIGNAL-RESOLVED");
    }
}
