namespace CertGuard.Web.Features.Inspections;

/// <summary>An officer of the record: an inspector account of the city (<c>account</c>), or a typed name with the 执法证号.</summary>
public sealed record OfficerInput(string? Account, string? Name, string? Badge);

public sealed record PlanRequest(Guid OrganisationId, DateOnly? PlannedOn, string? Reason);

/// <summary>Starts the on-site record of a planned inspection (<c>version</c>: the one seen).</summary>
public sealed record StartRequest(IReadOnlyList<OfficerInput>? Officers, string? Place, DateTimeOffset? OnSiteAt, int? Version);

/// <summary>An on-site record without a plan: the organisation, the officers, the place; <c>clientKey</c> makes a resend harmless.</summary>
public sealed record RecordRequest(Guid OrganisationId, IReadOnlyList<OfficerInput>? Officers, string? Place, DateTimeOffset? OnSiteAt, string? ClientKey);

/// <summary>
/// A worker met: the card's QR text (<c>qr</c>), or the number and name typed; the position, the training record and the
/// certificate's origin as noted. <c>clientKey</c>: the device's key for this entry (a replay returns the first).
/// </summary>
public sealed record WorkerRequest(string? ClientKey, string? Qr, string? Number, string? Name, string? Position, string? TrainingRecord, string? Origin);

public sealed record FindingRequest(string? ClientKey, string? Type, Guid? WorkerId, string? Description);

public sealed record ConditionInput(string? Key, bool Met, string? Note);

public sealed record ConditionsRequest(IReadOnlyList<ConditionInput>? Conditions);

public sealed record CompleteRequest(string? Conclusion, int? Version);

public sealed record OrderRequest(string? Requirements, DateOnly? Deadline);

public sealed record ReportRequest(string? Text, int? Version);

public sealed record ReinspectRequest(bool Corrected, string? Note, int? Version);
