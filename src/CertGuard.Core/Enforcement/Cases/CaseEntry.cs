using CertGuard.Core.Auditing;

namespace CertGuard.Core.Enforcement.Cases;

public enum CaseEntryKind
{
    /// <summary>Opened from leads, waiting for the approval of filing.</summary>
    Opened,
    FilingApproved,
    /// <summary>询问笔录 or another written record of the investigation.</summary>
    Record,
    /// <summary>A piece of evidence (photo, scan, statement) described with its source.</summary>
    Evidence,
    Document,
    StageAdvanced,
    HearingRequested,
    ClockDecision,
    Decided,
    Served,
    Payment,
    DepartmentInvited,
    /// <summary>A record added by an invited department (联合查案).</summary>
    JointRecord,
    RevocationRequested,
    Closed,
}

/// <summary>One line of a case's timeline: who did what when, and for joint work which department.</summary>
[Audited]
public sealed class CaseEntry
{
    public const int TextMaxLength = 2000;

    private CaseEntry()
    {
        Text = By = "";
    }

    internal CaseEntry(Guid caseId, CaseEntryKind kind, string text, string by, string? department, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        Kind = kind;
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text;
        By = by;
        Department = department;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseEntryKind Kind { get; private set; }

    public string Text { get; private set; }

    public string By { get; private set; }

    /// <summary>The department (a role id) of the one who wrote it, for records of invited departments.</summary>
    public string? Department { get; private set; }

    public DateTimeOffset At { get; private set; }
}
