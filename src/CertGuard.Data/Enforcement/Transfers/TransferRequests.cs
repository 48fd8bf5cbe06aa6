namespace CertGuard.Data.Enforcement.Transfers;

/// <summary>A seized item as the API and forms send it.</summary>
public sealed record SeizedItemRequest(string? Name, int Count);

/// <summary>The officers' report (移送报告) and the package parts; reason: ForgedCertificate, AlteredCertificate, SaleOfCertificates.</summary>
public sealed record TransferReportRequest(
    IReadOnlyList<string>? Officers,
    string? Reason,
    string? Facts,
    string? InvestigationReport,
    IReadOnlyList<SeizedItemRequest>? SeizedItems,
    string? AppraisalReport,
    string? OtherEvidence);

public sealed record ReviseTransferRequest(int Version, TransferReportRequest Report);

public sealed record TransferVersionRequest(int Version);

public sealed record TransferReasonRequest(int Version, string? Reason);

/// <summary>立案 (file = true) or 不予立案, with the reason; the police's case number when filed.</summary>
public sealed record PoliceDecisionRequest(int Version, bool File, string? Reason, string? PoliceCaseNumber);

/// <summary>What the police counted on a filed transfer; channel: Seller, Website, SocialAccount, Printer.</summary>
public sealed record CampaignCountsRequest(int Version, int SuspectsCaught, int DensDestroyed, int WebsiteGangsBroken, int ForgedCertificatesSeized,
    string? Channel, Guid? SuspectId);

/// <summary>协查: a holder's certificates and checks by ID number or certificate number, with the reason.</summary>
public sealed record AssistanceRequest(string? Number, string? Reason);
