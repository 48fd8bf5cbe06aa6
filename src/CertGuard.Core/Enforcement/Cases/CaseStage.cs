namespace CertGuard.Core.Enforcement.Cases;

/// <summary>The stages of an administrative case (行政处罚程序), in order. Which apply to a case is <see cref="CaseProcedure"/>'s rule.</summary>
public enum CaseStage
{
    /// <summary>立案: the officer proposes, the enforcement lead approves filing.</summary>
    Filing,
    /// <summary>调查取证: 询问笔录 and evidence.</summary>
    Investigation,
    /// <summary>法制审核 and 集体讨论: only for major decisions.</summary>
    LegalReview,
    /// <summary>告知: 行政处罚告知书 (the right to state a defence, and to a hearing where it applies).</summary>
    Notice,
    /// <summary>听证: only where the party asked for one.</summary>
    Hearing,
    /// <summary>决定: 行政处罚决定书.</summary>
    Decision,
    /// <summary>送达: 送达回证.</summary>
    Service,
    /// <summary>执行: payment (with the late surcharge) or an application for enforcement.</summary>
    Execution,
    /// <summary>结案: 结案报告 and the case file's index.</summary>
    Closing,
    /// <summary>Closed: nothing more may change.</summary>
    Closed,
}
