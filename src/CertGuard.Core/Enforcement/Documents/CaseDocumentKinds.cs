namespace CertGuard.Core.Enforcement.Documents;

/// <summary>A document kind's titles and the abbreviation its numbers carry (穗应急<b>罚</b>〔2026〕12号).</summary>
public sealed record CaseDocumentKindInfo(CaseDocumentKind Kind, string Title, string TitleEn, string Abbreviation, string Slug);

/// <summary>
/// The titles and number abbreviations of every <see cref="CaseDocumentKind"/>. The abbreviations follow the usual
/// 安全生产行政执法文书 numbering (立 filing, 告 notice, 罚 decision); each kind has its own, so numbers of different
/// kinds never look alike. <see cref="CaseDocumentKindInfo.Slug"/> names the kind in addresses.
/// </summary>
public static class CaseDocumentKinds
{
    public static IReadOnlyList<CaseDocumentKindInfo> All { get; } =
    [
        new(CaseDocumentKind.FilingApproval, "立案审批表", "Case filing approval form", "立", "filing-approval"),
        new(CaseDocumentKind.InquiryRecord, "询问笔录", "Inquiry record", "询", "inquiry-record"),
        new(CaseDocumentKind.EvidenceList, "证据清单", "List of evidence", "证", "evidence-list"),
        new(CaseDocumentKind.InvestigationReport, "案件调查终结报告", "Final investigation report", "调", "investigation-report"),
        new(CaseDocumentKind.LegalReview, "法制审核意见书", "Legal review opinion", "审", "legal-review"),
        new(CaseDocumentKind.CollectiveDiscussion, "集体讨论记录", "Record of the collective discussion", "议", "collective-discussion"),
        new(CaseDocumentKind.PenaltyNotice, "行政处罚告知书", "Notice of intended administrative penalty", "告", "penalty-notice"),
        new(CaseDocumentKind.HearingNotice, "听证通知书", "Notice of hearing", "听", "hearing-notice"),
        new(CaseDocumentKind.HearingRecord, "听证笔录", "Hearing record", "听记", "hearing-record"),
        new(CaseDocumentKind.PenaltyDecision, "行政处罚决定书", "Administrative penalty decision", "罚", "penalty-decision"),
        new(CaseDocumentKind.ServiceReceipt, "送达回证", "Proof of service", "送", "service-receipt"),
        new(CaseDocumentKind.PaymentRecord, "罚款缴纳凭证", "Record of fine payment", "缴", "payment-record"),
        new(CaseDocumentKind.EnforcementApplication, "强制执行申请书", "Application for compulsory enforcement", "执", "enforcement-application"),
        new(CaseDocumentKind.ClosingReport, "结案报告", "Case closing report", "结", "closing-report"),
        new(CaseDocumentKind.CaseFileIndex, "卷内目录", "Case file index", "卷", "case-file-index"),
        new(CaseDocumentKind.TransferLetter, "涉嫌犯罪案件移送书", "Letter transferring a suspected crime", "移", "transfer-letter"),
        new(CaseDocumentKind.SeizedItemsList, "涉案物品清单", "List of seized items", "扣", "seized-items"),
        new(CaseDocumentKind.AppraisalReport, "检验鉴定报告", "Inspection and appraisal reports", "鉴", "appraisal-report"),
    ];

    public static CaseDocumentKindInfo Of(CaseDocumentKind kind) =>
        All.FirstOrDefault(k => k.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    public static CaseDocumentKindInfo? FindBySlug(string? slug) =>
        All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.Ordinal));

    public static string Title(this CaseDocumentKind kind) => Of(kind).Title;

    public static string TitleEn(this CaseDocumentKind kind) => Of(kind).TitleEn;

    public static string Abbreviation(this CaseDocumentKind kind) => Of(kind).Abbreviation;
}
