namespace CertGuard.Web.Features.Registry.Lifecycle;

// What an issuing authority sends for each action, as JSON to the API or as a form from the pages (the names are the
// form fields). Every change carries the certificate version the officer saw: a stale one is refused (CERT-CONFLICT).
// Reasons are enum names (e.g. "FraudOrBribery"), matched by name only.

/// <summary>考核合格发证. The ID number may be typed with the card's leading T; the issue date defaults to today.</summary>
/// <param name="NameChangeConfirmed">The holder's registered name under this ID number is different and the officer
/// confirms a lawful change of name (otherwise refused: CERT-NAME-DIFFERS).</param>
public sealed record IssueCertificateRequest(
    string? IdNumber, string? HolderName, string? ItemCode, DateOnly? IssuedOn = null, Guid? EmployerId = null, bool NameChangeConfirmed = false);

/// <summary>
/// 复审: passed, or failed with its reasons (ReviewFailureReason names). Outside the window only with the authority's
/// approval, whose grounds go in the note.
/// </summary>
public sealed record ReviewRequest(
    int Version, bool Passed, DateOnly? ReviewedOn = null, string[]? FailureReasons = null, bool OutsideWindowApproved = false, string? Note = null);

/// <summary>延长复审周期 (6 years) for 10+ continuous years in the operation without violations.</summary>
public sealed record ExtendedIntervalRequest(int Version, int ContinuousYears, bool HasViolations = false);

/// <summary>延期换证: the review at the end of validity, which starts a new validity.</summary>
public sealed record RenewalRequest(int Version, DateOnly? RenewedOn = null, bool OutsideWindowApproved = false, string? Note = null);

/// <summary>撤销, with a RevocationReason name; FraudOrBribery and FalseInformation bar a new application.</summary>
public sealed record RevocationRequest(int Version, string? Reason, DateOnly? RevokedOn = null, string? Note = null);

/// <summary>注销, with a CancellationReason name.</summary>
public sealed record CancellationRequest(int Version, string? Reason, DateOnly? CancelledOn = null, string? Note = null);

/// <summary>补发 after loss.</summary>
public sealed record ReissueRequest(int Version, string? Note = null);

/// <summary>更换 after damage, or after a change of the holder's name (NewHolderName).</summary>
public sealed record ReplacementRequest(int Version, string? NewHolderName = null, string? Note = null);
