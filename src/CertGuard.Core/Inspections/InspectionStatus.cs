namespace CertGuard.Core.Inspections;

/// <summary>Where an inspection stands: planned (检查方案), on site (现场检查中), done (检查结束).</summary>
public enum InspectionStatus
{
    Planned,
    InProgress,
    Done,
}

/// <summary>What is inspected: an employer's special-operation workers, or a training or exam institution.</summary>
public enum InspectionTarget
{
    Employer,
    Institution,
}

public static class InspectionStatuses
{
    public static string Code(this InspectionStatus status) => status switch
    {
        InspectionStatus.Planned => "planned",
        InspectionStatus.InProgress => "in-progress",
        _ => "done",
    };

    public static InspectionStatus? Parse(string? code) => code switch
    {
        "planned" => InspectionStatus.Planned,
        "in-progress" => InspectionStatus.InProgress,
        "done" => InspectionStatus.Done,
        _ => null,
    };

    public static string Code(this InspectionTarget target) => target == InspectionTarget.Employer ? "employer" : "institution";
}
