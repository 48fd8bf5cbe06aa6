using CertGuard.Core.Auditing;
using CertGuard.Core.Enforcement.Penalties;
using CertGuard.Core.ReferenceData;

namespace CertGuard.Core.Enforcement.Cases;

/// <summary>
/// One decided penalty line (a <see cref="PenaltyLine"/> as decided): the person and the organisation are separate
/// lines (DESIGN §3), each with its rule of the reference data in force on the decision date and its fine in CNY.
/// </summary>
[Audited]
public sealed class CaseFineLine
{
    private CaseFineLine()
    {
        PartyName = RuleCode = LegalBasis = Measures = "";
    }

    internal CaseFineLine(Guid caseId, PenaltyLine line, string legalBasis, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        Party = line.Party;
        PartyName = line.PartyName;
        RuleCode = line.RuleCode;
        LegalBasis = legalBasis;
        AmountYuan = line.Fine;
        Measures = line.Measures;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public PenaltyParty Party { get; private set; }

    public string PartyName { get; private set; }

    public string RuleCode { get; private set; }

    public string LegalBasis { get; private set; }

    public long AmountYuan { get; private set; }

    /// <summary>The other measures (警告, 责令改正, 停产停业整顿…).</summary>
    public string Measures { get; private set; }
}
