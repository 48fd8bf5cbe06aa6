namespace CertGuard.Core.ReferenceData;

public enum TimeLimitUnit
{
    Hours,
    Days,
    Years,
}

/// <summary>One procedural clock (e.g. decide within 90 days of filing) with its legal basis.</summary>
public sealed record ProceduralTimeLimit(
    string Code,
    string Step,
    string StepEn,
    int Amount,
    TimeLimitUnit Unit,
    string LegalBasis,
    string? Note = null);
