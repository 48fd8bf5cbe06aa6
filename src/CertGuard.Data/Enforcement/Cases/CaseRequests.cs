namespace CertGuard.Data.Enforcement.Cases;

// What the officer sends, as JSON to /api/v1/cases or as a form from the case pages. Every change of a case carries
// the version the officer saw: a stale one is refused (409 CASE-STALE).

/// <summary>立案: from one or more open leads of the city; parties, certificates and violations (penalty rule codes).</summary>
public sealed record OpenCaseRequest(
    IReadOnlyList<Guid>? LeadIds,
    string? Title,
    string? PersonName = null,
    Guid? OrganisationId = null,
    string? OrganisationName = null,
    IReadOnlyList<string>? CertificateNumbers = null,
    IReadOnlyList<string>? ViolationCodes = null,
    bool LifeOrSafety = true,
    DateOnly? ViolationOn = null);

public sealed record VersionRequest(int Version);

/// <summary>A record of the investigation: kind Record (询问笔录 and notes) or Evidence; invited departments' are JointRecord.</summary>
public sealed record AddRecordRequest(int Version, string? Kind, string? Text);

/// <summary>A document of the file by its kind's slug (filing-approval, penalty-decision …), with its text.</summary>
public sealed record AddDocumentRequest(int Version, string? Kind, string? Body);

public sealed record MajorRequest(int Version, bool Major);

/// <summary>Pause, resume or extend one clock (its reference-data code), with the approved reason.</summary>
public sealed record ClockRequest(int Version, string? Clock, string? Action, int Days = 0, string? Reason = null);

/// <summary>One penalty line: party (Employer, ResponsiblePerson, Holder, Institution), its name, the rule, the fine, the measures.</summary>
public sealed record DecisionLineRequest(string? Party, string? PartyName, string? RuleCode, long Fine, string? Measures);

/// <summary>A certificate the decision finds obtained by fraud or forged in a real holder's name (ground).</summary>
/// <param name="ItemCode">The operation item (作业项目) of the certificate: one number may hold several live certificates.</param>
public sealed record RevocationAsk(string? CertificateNumber, string? Ground, string? Note = null, string? ItemCode = null);

public sealed record DecideRequest(int Version, IReadOnlyList<DecisionLineRequest>? Lines, bool MajorHiddenHazard = false,
    IReadOnlyList<RevocationAsk>? Revocations = null);

public sealed record ServeRequest(int Version, string? How);

public sealed record PaymentRequest(int Version, long Amount, DateOnly? PaidOn = null);

public sealed record InviteRequest(int Version, string? Department);
