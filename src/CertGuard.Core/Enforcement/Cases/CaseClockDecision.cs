using CertGuard.Core.Auditing;
using CertGuard.Core.Enforcement.Clocks;

namespace CertGuard.Core.Enforcement.Cases;

public enum ClockDecisionKind
{
    /// <summary>中止: the clock stops from a moment until the pause is ended (e.g. during an appraisal).</summary>
    Pause,
    /// <summary>延长: the limit grows by a number of natural days.</summary>
    Extend,
}

/// <summary>
/// A recorded, approved decision on one clock of a case: only the enforcement lead makes it, always with its reason.
/// A pause is one row whose <see cref="To"/> is set when the clock resumes.
/// </summary>
[Audited]
public sealed class CaseClockDecision
{
    public const int ReasonMaxLength = 500;

    private CaseClockDecision()
    {
        ClockCode = Reason = ApprovedBy = "";
    }

    internal CaseClockDecision(Guid caseId, string clockCode, ClockDecisionKind kind, DateTimeOffset? from, int days, string reason, string approvedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        ClockCode = clockCode;
        Kind = kind;
        From = from;
        Days = days;
        Reason = reason;
        ApprovedBy = approvedBy;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The time limit's code in the reference data (CASE-DECISION, CASE-PAYMENT…).</summary>
    public string ClockCode { get; private set; }

    public ClockDecisionKind Kind { get; private set; }

    /// <summary>When a pause starts.</summary>
    public DateTimeOffset? From { get; private set; }

    /// <summary>When a pause ended (null while the clock is held).</summary>
    public DateTimeOffset? To { get; private set; }

    /// <summary>Days added by an extension (0 for a pause).</summary>
    public int Days { get; private set; }

    public string Reason { get; private set; }

    public string ApprovedBy { get; private set; }

    public DateTimeOffset At { get; private set; }

    public bool IsOpenPause => Kind == ClockDecisionKind.Pause && To is null;

    public ClockPause AsPause() => new(From ?? At, To, Reason, ApprovedBy);

    public ClockExtension AsExtension() => new(Days, Reason, ApprovedBy);

    internal void End(DateTimeOffset at) => To = at;
}
