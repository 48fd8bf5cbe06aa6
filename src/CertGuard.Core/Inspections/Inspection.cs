using CertGuard.Core.Auditing;

namespace CertGuard.Core.Inspections;

/// <summary>
/// One inspection (执法检查) of an employer or a training/exam institution: planned (检查方案), then recorded on site
/// (现场检查记录: at least two officers, time and place), then done. Workers met and findings are their own rows.
/// </summary>
[Audited]
public sealed class Inspection
{
    public const int TextMaxLength = 1000;
    public const int PlaceMaxLength = 200;

    private Inspection()
    {
        RegionCode = OrganisationName = PlanReason = PlannedBy = "";
        Officers = [];
        Conditions = [];
    }

    public static Inspection Plan(
        InspectionTarget target, Guid organisationId, string organisationName, string regionCode, DateOnly plannedOn, string? reason,
        string by, DateTimeOffset at, string? clientKey = null) => new()
    {
        ClientKey = clientKey,
        Id = Guid.CreateVersion7(at),
        Target = target,
        OrganisationId = organisationId,
        OrganisationName = organisationName,
        RegionCode = regionCode,
        PlannedOn = plannedOn,
        CampaignYear = plannedOn.Year,
        PlanReason = Text(reason, TextMaxLength) ?? "",
        PlannedBy = by,
        PlannedAt = at,
    };

    public Guid Id { get; private set; }

    public InspectionTarget Target { get; private set; }

    /// <summary>The employer or institution inspected.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Its name when planned, for lists and the printed record.</summary>
    public string OrganisationName { get; private set; }

    /// <summary>The city whose enforcement inspects.</summary>
    public string RegionCode { get; private set; }

    public InspectionStatus Status { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    /// <summary>The campaign year it counts for ("every institution once a year").</summary>
    public int CampaignYear { get; private set; }

    /// <summary>Why it was planned (lowest rate, open leads…).</summary>
    public string PlanReason { get; private set; }

    public string PlannedBy { get; private set; }

    public DateTimeOffset PlannedAt { get; private set; }

    public IReadOnlyList<InspectionOfficer> Officers { get; private set; }

    /// <summary>When the officers were on site.</summary>
    public DateTimeOffset? OnSiteAt { get; private set; }

    public string? Place { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? Conclusion { get; private set; }

    /// <summary>An institution's basic conditions: the institution's own answers beside the inspectors' findings.</summary>
    public IReadOnlyList<ConditionCheck> Conditions { get; private set; }

    /// <summary>The questionnaire version in force on the day of the inspection (institutions).</summary>
    public int? QuestionnaireVersion { get; private set; }

    /// <summary>The institution's latest self-check the conditions were compared with, if any.</summary>
    public Guid? SelfCheckSubmissionId { get; private set; }

    /// <summary>A client's idempotency key for the creation of the record (offline submissions).</summary>
    public string? ClientKey { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status != InspectionStatus.Done;

    /// <summary>Starts the on-site record: the officers present, where and when.</summary>
    public void Start(IEnumerable<InspectionOfficer> officers, string? place, DateTimeOffset onSiteAt, string by)
    {
        if (Status != InspectionStatus.Planned) throw Refusal.Conflict("INSPECTION-STATE", ("status", Status.Code()));
        Officers = InspectionOfficers.Validate(officers);
        Place = Text(place, PlaceMaxLength) ?? throw Refusal.Invalid("INSPECTION-PLACE-REQUIRED", ("max", PlaceMaxLength));
        OnSiteAt = onSiteAt;
        RecordedBy = by;
        Status = InspectionStatus.InProgress;
        Version++;
    }

    public void RequireOnSite()
    {
        if (Status != InspectionStatus.InProgress) throw Refusal.Conflict("INSPECTION-STATE", ("status", Status.Code()));
    }

    public void RecordConditions(int questionnaireVersion, Guid? selfCheckId, IReadOnlyList<ConditionCheck> conditions)
    {
        RequireOnSite();
        if (Target != InspectionTarget.Institution) throw Refusal.Conflict("INSPECTION-NOT-INSTITUTION");
        QuestionnaireVersion = questionnaireVersion;
        SelfCheckSubmissionId = selfCheckId;
        Conditions = conditions;
        Version++;
    }

    public void Complete(string? conclusion, DateTimeOffset at)
    {
        RequireOnSite();
        Conclusion = Text(conclusion, TextMaxLength);
        CompletedAt = at;
        Status = InspectionStatus.Done;
        Version++;
    }

    /// <summary>Refuses a change made from a stale copy (two officers on one record).</summary>
    public void RequireVersion(int? seen)
    {
        if (seen is { } v && v != Version) throw Refusal.Conflict("INSPECTION-STALE", ("version", Version));
    }

    internal static string? Text(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        return trimmed.Length > max ? trimmed[..max] : trimmed;
    }
}

/// <summary>One basic condition of an institution: its own self-check answer beside what the inspectors found.</summary>
public sealed record ConditionCheck(string Key, string Text, bool? SelfMet, string? SelfNote, bool Met, string? Note);
