using CertGuard.Core.Enforcement.Documents;

namespace CertGuard.Core.Enforcement.Cases;

/// <summary>One stage as data: the documents it needs before the case may move on, and whether it applies to a case.</summary>
public sealed record CaseStageRule(CaseStage Stage, string Name, string NameEn, IReadOnlyList<CaseDocumentKind> RequiredDocuments, Func<EnforcementCase, bool> Applies);

/// <summary>
/// The procedure of 《行政处罚法》 (2021) as data (data/enforcement.md, "Case procedure and clocks"): the stages in
/// order, each with its documents. Legal review applies to major decisions only, the hearing only where asked for.
/// </summary>
public static class CaseProcedure
{
    public static IReadOnlyList<CaseStageRule> Stages { get; } =
    [
        new(CaseStage.Filing, "立案", "Filing", [CaseDocumentKind.FilingApproval], _ => true),
        new(CaseStage.Investigation, "调查取证", "Investigation", [CaseDocumentKind.InquiryRecord, CaseDocumentKind.EvidenceList], _ => true),
        new(CaseStage.LegalReview, "法制审核与集体讨论", "Legal review and collective discussion",
            [CaseDocumentKind.LegalReview, CaseDocumentKind.CollectiveDiscussion], c => c.Major),
        new(CaseStage.Notice, "告知", "Notice", [CaseDocumentKind.PenaltyNotice], _ => true),
        new(CaseStage.Hearing, "听证", "Hearing", [CaseDocumentKind.HearingNotice, CaseDocumentKind.HearingRecord], c => c.HearingRequestedAt is not null),
        new(CaseStage.Decision, "决定", "Decision", [CaseDocumentKind.PenaltyDecision], _ => true),
        new(CaseStage.Service, "送达", "Service", [CaseDocumentKind.ServiceReceipt], _ => true),
        new(CaseStage.Execution, "执行", "Execution", [], _ => true),
        new(CaseStage.Closing, "结案", "Closing", [CaseDocumentKind.ClosingReport, CaseDocumentKind.CaseFileIndex], _ => true),
        new(CaseStage.Closed, "已结案", "Closed", [], _ => true),
    ];

    public static CaseStageRule Rule(CaseStage stage) => Stages.Single(s => s.Stage == stage);

    /// <summary>The next stage that applies to the case after its current one.</summary>
    public static CaseStage Next(EnforcementCase c)
    {
        var index = Stages.ToList().FindIndex(s => s.Stage == c.Stage);
        for (var i = index + 1; i < Stages.Count; i++)
            if (Stages[i].Applies(c)) return Stages[i].Stage;
        return CaseStage.Closed;
    }
}
