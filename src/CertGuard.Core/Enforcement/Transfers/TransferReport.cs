namespace CertGuard.Core.Enforcement.Transfers;

/// <summary>
/// What the officers report (移送报告) and the package they prepare: the facts, the reason, the officers (at least two),
/// the investigation report, the seized items, the inspection or appraisal reports and the other evidence. The package
/// parts may be completed before the transfer; the transfer refuses an incomplete one.
/// </summary>
public sealed record TransferReport(
    IReadOnlyList<string> Officers,
    TransferReason Reason,
    string Facts,
    string? InvestigationReport,
    IReadOnlyList<SeizedItem> SeizedItems,
    string? AppraisalReport,
    string? OtherEvidence);
