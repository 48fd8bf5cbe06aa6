using CertGuard.Core.Auditing;

namespace CertGuard.Core.Enforcement;

/// <summary>
/// A lead for inspectors (执法检查线索): something a city's enforcement should look at, raised from a signal, an
/// employer's suspected fake or a review-time check. The enforcement module works it into inspections and cases.
/// </summary>
[Audited]
public sealed class InspectionLead
{
    public const int TextMaxLength = 1000;

    private InspectionLead()
    {
        RegionCode = Summary = Source = RaisedBy = "";
    }

    public InspectionLead(string regionCode, string source, string summary, string raisedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        RegionCode = regionCode;
        Source = source;
        Summary = summary.Length > TextMaxLength ? summary[..TextMaxLength] : summary;
        RaisedBy = raisedBy;
        RaisedAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>The city whose enforcement works it.</summary>
    public string RegionCode { get; private set; }

    /// <summary>Where it came from: one of <see cref="LeadSources"/>.</summary>
    public string Source { get; private set; }

    public string Summary { get; private set; }

    public string? CertificateNumber { get; init; }

    public Guid? CertificateId { get; init; }

    /// <summary>The employer concerned, when there is one.</summary>
    public Guid? OrganisationId { get; init; }

    public Guid? SignalId { get; init; }

    /// <summary>
    /// The record it came from in its source module (an inspection finding, a tip, a suspect website, a police
    /// notice…), so the source can follow the lead and the lead can link back.
    /// </summary>
    public Guid? SourceId { get; init; }

    public string RaisedBy { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public LeadStatus Status { get; private set; } = LeadStatus.Open;

    /// <summary>How it was closed; null while open.</summary>
    public LeadDisposition? Disposition { get; private set; }

    /// <summary>Why: the reason for no action, the note of a referral or merge.</summary>
    public string? DispositionNote { get; private set; }

    /// <summary>The case opened from it (<see cref="LeadDisposition.CaseOpened"/>).</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The department referred to (a <see cref="Accounts.Role"/> id: police, market-regulation, cyberspace…).</summary>
    public string? ReferredTo { get; private set; }

    /// <summary>The lead it was merged into (<see cref="LeadDisposition.Merged"/>).</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>Who proposed "no action", waiting for the enforcement lead's approval.</summary>
    public string? ProposedBy { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Concurrency token: two officers disposing of one lead at once cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status != LeadStatus.Closed;

    public void OpenCase(Guid caseId, string by, DateTimeOffset at)
    {
        RequireOpen();
        Close(LeadDisposition.CaseOpened, null, by, at);
        CaseId = caseId;
    }

    public void Refer(string department, string note, string by, DateTimeOffset at)
    {
        RequireOpen();
        Close(LeadDisposition.Referred, RequireText(note), by, at);
        ReferredTo = department;
    }

    public void MergeInto(InspectionLead other, string by, DateTimeOffset at)
    {
        RequireOpen();
        if (other.Id == Id || !other.IsOpen || other.RegionCode != RegionCode) throw Refusal.Conflict("LEAD-MERGE-TARGET");
        Close(LeadDisposition.Merged, null, by, at);
        MergedIntoId = other.Id;
    }

    /// <summary>An officer proposes closing without action; it stays in the inbox until the enforcement lead decides.</summary>
    public void ProposeNoAction(string reason, string by, DateTimeOffset at)
    {
        RequireOpen();
        // The reason first: a refused proposal leaves the lead as it was.
        DispositionNote = RequireText(reason);
        Status = LeadStatus.AwaitingApproval;
        ProposedBy = by;
        Version++;
        _ = at;
    }

    public void ApproveNoAction(string by, DateTimeOffset at)
    {
        if (Status != LeadStatus.AwaitingApproval) throw Refusal.Conflict("LEAD-NOT-AWAITING");
        Close(LeadDisposition.NoAction, DispositionNote, by, at);
    }

    public void RejectNoAction()
    {
        if (Status != LeadStatus.AwaitingApproval) throw Refusal.Conflict("LEAD-NOT-AWAITING");
        Status = LeadStatus.Open;
        DispositionNote = null;
        ProposedBy = null;
        Version++;
    }

    private void Close(LeadDisposition disposition, string? note, string by, DateTimeOffset at)
    {
        Status = LeadStatus.Closed;
        Disposition = disposition;
        DispositionNote = note;
        ClosedBy = by;
        ClosedAt = at;
        Version++;
    }

    private void RequireOpen()
    {
        if (Status != LeadStatus.Open) throw Refusal.Conflict("LEAD-CLOSED");
    }

    private static string RequireText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw Refusal.Invalid("LEAD-REASON-REQUIRED");
        return trimmed.Length > TextMaxLength ? trimmed[..TextMaxLength] : trimmed;
    }
}

public enum LeadStatus
{
    Open,
    /// <summary>"No action" proposed; the enforcement lead approves or sends it back.</summary>
    AwaitingApproval,
    Closed,
}

/// <summary>The only ways a lead may close (DESIGN.md §4).</summary>
public enum LeadDisposition
{
    CaseOpened,
    Referred,
    Merged,
    NoAction,
}
