namespace CertGuard.Core.Enforcement.Transfers;

/// <summary>Where a transfer (移送) stands, from the officers' report to the police's decision and its challenge.</summary>
public enum TransferState
{
    /// <summary>移送报告: reported by at least two officers, waiting for the agency head.</summary>
    Reported,
    /// <summary>The agency head refused the transfer with a reason: the recorded, approved reason not to transfer.</summary>
    Refused,
    /// <summary>Approved: to be sent to the police within 24 hours with its package.</summary>
    Approved,
    /// <summary>Sent to the city's public security bureau with the package.</summary>
    Transferred,
    /// <summary>受理 by the police.</summary>
    Accepted,
    /// <summary>立案: the police filed a criminal case.</summary>
    Filed,
    /// <summary>不予立案, with the reason.</summary>
    NotFiled,
    /// <summary>The agency asked the police to reconsider a refusal (复议).</summary>
    ReconsiderationAsked,
    /// <summary>The agency asked the procuratorate to supervise the refusal (提请检察院立案监督), recorded.</summary>
    ProcuratorateAsked,
}

/// <summary>Why the case is suspected to be a crime (刑法第280条: no amount threshold for a state organ's certificate).</summary>
public enum TransferReason
{
    /// <summary>伪造特种作业操作证.</summary>
    ForgedCertificate,
    /// <summary>变造（涂改）特种作业操作证.</summary>
    AlteredCertificate,
    /// <summary>买卖（倒卖）特种作业操作证.</summary>
    SaleOfCertificates,
}

/// <summary>Where the fakes came from, as the police found it.</summary>
public enum FakeChannel
{
    /// <summary>A seller (中间人、办证贩子).</summary>
    Seller,
    /// <summary>A fake website.</summary>
    Website,
    /// <summary>A social-media account.</summary>
    SocialAccount,
    /// <summary>A printer (制假窝点).</summary>
    Printer,
}

/// <summary>What the police recorded on a filed transfer for the campaign's statistics (rows 37–40).</summary>
public sealed record CampaignCounts(int SuspectsCaught, int DensDestroyed, int WebsiteGangsBroken, int ForgedCertificatesSeized, FakeChannel? Channel, Guid? SuspectId);

/// <summary>One seized item of the package's list (涉案物品清单): what and how many.</summary>
public sealed record SeizedItem(string Name, int Count);
