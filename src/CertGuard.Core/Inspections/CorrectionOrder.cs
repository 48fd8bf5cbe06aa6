using CertGuard.Core.Auditing;

namespace CertGuard.Core.Inspections;

public enum CorrectionStatus
{
    /// <summary>Issued; the employer has not reported yet.</summary>
    Open,
    /// <summary>The employer reported its correction; waiting for the re-inspection.</summary>
    Reported,
    /// <summary>The re-inspection (复查) found it corrected.</summary>
    Closed,
    /// <summary>The re-inspection found it not corrected: a lead for a case was raised.</summary>
    NotCorrected,
}

/// <summary>
/// An order to correct within a time limit (责令限期整改), addressed to the inspected organisation: it sees the order
/// on its account, reports its correction, and the re-inspection (复查) closes it or raises a lead for a case.
/// </summary>
[Audited]
public sealed class CorrectionOrder
{
    public const int TextMaxLength = 2000;

    private CorrectionOrder()
    {
        RegionCode = OrganisationName = Requirements = IssuedBy = "";
    }

    public CorrectionOrder(Inspection inspection, string? requirements, DateOnly deadline, DateOnly today, string by, DateTimeOffset at) : this()
    {
        if (inspection.Status == InspectionStatus.Planned) throw Refusal.Conflict("INSPECTION-STATE", ("status", inspection.Status.Code()));
        if (deadline <= today) throw Refusal.Invalid("INSPECTION-ORDER-DEADLINE", ("today", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Id = Guid.CreateVersion7(at);
        InspectionId = inspection.Id;
        RegionCode = inspection.RegionCode;
        OrganisationId = inspection.OrganisationId;
        OrganisationName = inspection.OrganisationName;
        Requirements = Inspection.Text(requirements, TextMaxLength) ?? throw Refusal.Invalid("INSPECTION-ORDER-TEXT", ("max", TextMaxLength));
        Deadline = deadline;
        IssuedBy = by;
        IssuedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid InspectionId { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>The organisation it is addressed to.</summary>
    public Guid OrganisationId { get; private set; }

    public string OrganisationName { get; private set; }

    /// <summary>What must be corrected (整改要求).</summary>
    public string Requirements { get; private set; }

    /// <summary>Correct by the end of this day (China time).</summary>
    public DateOnly Deadline { get; private set; }

    public string IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public CorrectionStatus Status { get; private set; }

    public string? ReportText { get; private set; }

    public string? ReportedBy { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    public string? ReinspectedBy { get; private set; }

    public DateTimeOffset? ReinspectedAt { get; private set; }

    public string? ReinspectionNote { get; private set; }

    /// <summary>The lead raised when the re-inspection found it not corrected.</summary>
    public Guid? LeadId { get; private set; }

    public int Version { get; private set; }

    /// <summary>Past its deadline with nothing reported.</summary>
    public bool IsOverdue(DateOnly today) => Status == CorrectionStatus.Open && today > Deadline;

    public bool IsFinal => Status is CorrectionStatus.Closed or CorrectionStatus.NotCorrected;

    public void Report(string? text, int? seenVersion, string by, DateTimeOffset at)
    {
        RequireVersion(seenVersion);
        if (Status is not (CorrectionStatus.Open or CorrectionStatus.Reported)) throw Refusal.Conflict("INSPECTION-ORDER-STATE");
        ReportText = Inspection.Text(text, TextMaxLength) ?? throw Refusal.Invalid("INSPECTION-ORDER-REPORT", ("max", TextMaxLength));
        ReportedBy = by;
        ReportedAt = at;
        Status = CorrectionStatus.Reported;
        Version++;
    }

    /// <summary>The re-inspection's result. Not corrected: the caller raises the lead and records it here.</summary>
    public void Reinspect(bool corrected, string? note, int? seenVersion, string by, DateTimeOffset at)
    {
        RequireVersion(seenVersion);
        if (IsFinal) throw Refusal.Conflict("INSPECTION-ORDER-STATE");
        ReinspectionNote = Inspection.Text(note, TextMaxLength);
        if (!corrected && ReinspectionNote is null) throw Refusal.Invalid("INSPECTION-ORDER-NOTE", ("max", TextMaxLength));
        ReinspectedBy = by;
        ReinspectedAt = at;
        Status = corrected ? CorrectionStatus.Closed : CorrectionStatus.NotCorrected;
        Version++;
    }

    public void LeadRaised(Guid leadId) => LeadId = leadId;

    private void RequireVersion(int? seen)
    {
        if (seen is { } v && v != Version) throw Refusal.Conflict("INSPECTION-STALE", ("version", Version));
    }
}
