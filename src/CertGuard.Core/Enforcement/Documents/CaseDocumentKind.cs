namespace CertGuard.Core.Enforcement.Documents;

/// <summary>The documents (文书) of an administrative case, in the order a case produces them.</summary>
public enum CaseDocumentKind
{
    /// <summary>立案审批表</summary>
    FilingApproval,
    /// <summary>询问笔录</summary>
    InquiryRecord,
    /// <summary>证据清单</summary>
    EvidenceList,
    /// <summary>案件调查终结报告</summary>
    InvestigationReport,
    /// <summary>法制审核意见书</summary>
    LegalReview,
    /// <summary>集体讨论记录</summary>
    CollectiveDiscussion,
    /// <summary>行政处罚告知书</summary>
    PenaltyNotice,
    /// <summary>听证通知书</summary>
    HearingNotice,
    /// <summary>听证笔录</summary>
    HearingRecord,
    /// <summary>行政处罚决定书</summary>
    PenaltyDecision,
    /// <summary>送达回证</summary>
    ServiceReceipt,
    /// <summary>罚款缴纳凭证</summary>
    PaymentRecord,
    /// <summary>强制执行申请书</summary>
    EnforcementApplication,
    /// <summary>结案报告</summary>
    ClosingReport,
    /// <summary>卷内目录</summary>
    CaseFileIndex,
    /// <summary>涉嫌犯罪案件移送书 (a transfer to the police)</summary>
    TransferLetter,
    /// <summary>涉案物品清单 (the seized items of a transfer's package)</summary>
    SeizedItemsList,
    /// <summary>检验鉴定报告 (the inspection or appraisal reports of a transfer's package)</summary>
    AppraisalReport,
}
