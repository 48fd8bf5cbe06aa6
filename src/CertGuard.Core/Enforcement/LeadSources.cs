namespace CertGuard.Core.Enforcement;

/// <summary>Where an <see cref="InspectionLead"/> came from. Stored as text; new modules add their own.</summary>
public static class LeadSources
{
    /// <summary>A verification signal turned into a lead at the signal desk.</summary>
    public const string Signal = "signal";

    /// <summary>An employer's roster rectification that found a suspected fake.</summary>
    public const string Roster = "roster";

    /// <summary>An institution's review-time check that blocked an applicant.</summary>
    public const string ReviewCheck = "review-check";

    /// <summary>A finding of an on-site inspection (执法检查).</summary>
    public const string Inspection = "inspection";

    /// <summary>A tip from the public (举报).</summary>
    public const string Tip = "tip";

    /// <summary>A suspect website or online listing (web watch).</summary>
    public const string Website = "website";

    /// <summary>A lead passed by the police (公安移交线索).</summary>
    public const string Police = "police";

    public static IReadOnlyList<string> All { get; } = [Signal, Roster, ReviewCheck, Inspection, Tip, Website, Police];
}
