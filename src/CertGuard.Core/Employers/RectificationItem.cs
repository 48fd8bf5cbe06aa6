using CertGuard.Core.Auditing;

namespace CertGuard.Core.Employers;

public enum RectificationStatus
{
    /// <summary>待整改: the employer has to act by the deadline.</summary>
    Open,
    /// <summary>待确认: the employer recorded what it did; the city office checks it.</summary>
    Reported,
    /// <summary>退回: the city office was not satisfied; the employer acts again.</summary>
    Returned,
    /// <summary>已确认: the city office accepted the rectification.</summary>
    Confirmed,
    /// <summary>已销号: a later check found the worker lawfully certified.</summary>
    Resolved,
}

/// <summary>
/// A rectification item (整改事项): one failing worker of a roster check, with a deadline and the action its verdict
/// requires. The employer records what it did, the city office confirms or returns it; a later check that finds the
/// worker valid closes it. One open item per worker: a later failing check updates it rather than adding another.
/// </summary>
[Audited]
public sealed class RectificationItem
{
    public const int TextMaxLength = 500;

    private RectificationItem()
    {
        RegionCode = WorkerName = Number = Reason = "";
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The employer's city: its city office confirms.</summary>
    public string RegionCode { get; private set; }

    public string WorkerName { get; private set; }

    public string Number { get; private set; }

    public string? PositionName { get; private set; }

    public RosterVerdict Verdict { get; private set; }

    public RequiredAction RequiredAction { get; private set; }

    public string Reason { get; private set; }

    public Guid? CertificateId { get; private set; }

    public string? CertificateRegion { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The last day (UTC+8) to rectify.</summary>
    public DateOnly Deadline { get; private set; }

    public RectificationStatus Status { get; private set; }

    /// <summary>What the employer did, in its words.</summary>
    public string? ActionTaken { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    public string? ReportedBy { get; private set; }

    /// <summary>The city office's note when it confirmed or returned the item.</summary>
    public string? OfficeNote { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The inspection lead raised from it, when one was.</summary>
    public Guid? LeadId { get; private set; }

    public bool IsClosed => Status is RectificationStatus.Confirmed or RectificationStatus.Resolved;

    /// <summary>Past its deadline and still waiting for the employer.</summary>
    public bool IsOverdue(DateOnly today) => Status is RectificationStatus.Open or RectificationStatus.Returned && today > Deadline;

    public static RectificationItem Open(RosterRow row, string regionCode, DateOnly deadline, DateTimeOffset at)
    {
        if (!row.Verdict.IsFailing()) throw new ArgumentException("Only a failing worker needs rectification.", nameof(row));
        var item = new RectificationItem
        {
            Id = Guid.CreateVersion7(at), OrganisationId = row.OrganisationId, RegionCode = regionCode, WorkerName = row.Name,
            Number = row.Number, OpenedAt = at, Deadline = deadline, Status = RectificationStatus.Open,
        };
        item.Take(row);
        return item;
    }

    /// <summary>A later check still finds the worker failing, perhaps for another reason: the item follows it.</summary>
    public void Refresh(RosterRow row)
    {
        if (IsClosed) throw new InvalidOperationException("A closed item is not refreshed.");
        Take(row);
    }

    public void Report(string actionTaken, string by, DateTimeOffset at)
    {
        if (Status is not (RectificationStatus.Open or RectificationStatus.Returned))
            throw Refusal.Conflict("RECTIFY-STATE");
        ActionTaken = Text(actionTaken, () => Refusal.Invalid("RECTIFY-ACTION-REQUIRED", ("max", TextMaxLength)));
        (Status, ReportedAt, ReportedBy) = (RectificationStatus.Reported, at, by);
    }

    public void Confirm(string? note, string by, DateTimeOffset at)
    {
        if (Status != RectificationStatus.Reported)
            throw Refusal.Conflict("RECTIFY-STATE");
        OfficeNote = string.IsNullOrWhiteSpace(note) ? null : Text(note, () => Refusal.Invalid("RECTIFY-NOTE", ("max", TextMaxLength)));
        (Status, DecidedAt, DecidedBy, ClosedAt) = (RectificationStatus.Confirmed, at, by, at);
    }

    public void Return(string note, string by, DateTimeOffset at)
    {
        if (Status != RectificationStatus.Reported)
            throw Refusal.Conflict("RECTIFY-STATE");
        OfficeNote = Text(note, () => Refusal.Invalid("RECTIFY-NOTE-REQUIRED", ("max", TextMaxLength)));
        (Status, DecidedAt, DecidedBy) = (RectificationStatus.Returned, at, by);
    }

    /// <summary>A check found the worker holding a valid certificate for his position: nothing is left to rectify.</summary>
    public void Resolve(DateTimeOffset at)
    {
        if (IsClosed) return;
        (Status, ClosedAt) = (RectificationStatus.Resolved, at);
    }

    public void LinkLead(Guid leadId)
    {
        if (LeadId is not null) throw Refusal.Conflict("RECTIFY-LEAD-EXISTS");
        LeadId = leadId;
    }

    private void Take(RosterRow row)
    {
        (Verdict, RequiredAction, Reason) = (row.Verdict, row.Verdict.ActionFor(), row.Reason);
        (PositionName, CertificateId, CertificateRegion) = (row.PositionName, row.CertificateId, row.CertificateRegion);
    }

    private static string Text(string text, Func<DomainRuleException> refusal)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > TextMaxLength)
            throw refusal();
        return trimmed;
    }
}
