using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.ReferenceData;
using CertGuard.Core.Time;

namespace CertGuard.Core.Enforcement.Cases;

/// <summary>
/// A case's document as it is printed and downloaded: the authority, number and title, the party, the case's facts
/// as fields, the officer's text as paragraphs and, for the notice and the decision, the party's rights.
/// </summary>
public static class CaseOfficialDocuments
{
    public static OfficialDocument For(EnforcementCase c, CaseFileDocument d, ReferenceDataVersion rules)
    {
        var party = Party(c);
        var fields = new List<DocumentField> { new("案由", c.Title), new("当事人", party) };
        if (c.CertificateNumbers.Count > 0) fields.Add(new("涉及证书", string.Join("、", c.CertificateNumbers)));
        if (c.FiledAt is { } filed) fields.Add(new("立案日期", ChinaTime.DateOf(filed).ToString("yyyy-MM-dd", null)));
        if (d.Kind is CaseDocumentKind.PenaltyDecision or CaseDocumentKind.PenaltyNotice or CaseDocumentKind.ClosingReport)
        {
            foreach (var line in c.Fines)
                fields.Add(new($"处罚（{line.PartyName}）", $"{line.Measures}{(line.AmountYuan > 0 ? $"，罚款人民币{line.AmountYuan}元" : "")}；依据：{line.LegalBasis}"));
            if (c.MajorHiddenHazard) fields.Add(new("重大事故隐患", "是（" + Penalties.MajorHiddenHazard.Basis + "）"));
        }
        var paragraphs = d.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var footer = d.Kind switch
        {
            CaseDocumentKind.PenaltyNotice => Notice(rules),
            CaseDocumentKind.PenaltyDecision => Decision(rules),
            _ => null,
        };
        var addressee = d.Kind is CaseDocumentKind.PenaltyNotice or CaseDocumentKind.PenaltyDecision or CaseDocumentKind.HearingNotice
            or CaseDocumentKind.ServiceReceipt or CaseDocumentKind.EnforcementApplication ? party : null;
        return new OfficialDocument(d.Kind, c.AuthorityName, d.Number, d.Kind.Title(), ChinaTime.DateOf(d.IssuedAt), addressee, fields, paragraphs, footer);
    }

    public static string Party(EnforcementCase c) =>
        string.Join("、", new[] { c.OrganisationName, c.PersonName }.Where(p => !string.IsNullOrEmpty(p)));

    private static string Notice(ReferenceDataVersion rules)
    {
        var days = rules.TimeLimit(CaseClocks.HearingRequest)?.Amount;
        return $"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。"
            + (days is { } d ? $"依照第六十三条、第六十四条的规定，对较大数额罚款、责令停产停业等处罚，你（单位）有权在收到本告知书之日起{d}日内要求听证；逾期视为放弃。" : "");
    }

    private static string Decision(ReferenceDataVersion rules)
    {
        var days = rules.TimeLimit(CaseClocks.Payment)?.Amount;
        return (days is { } d ? $"请在收到本决定书之日起{d}日内缴纳罚款；到期不缴纳的，每日按罚款数额的3%加处罚款，加处罚款的数额不超过罚款数额。" : "")
            + "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。";
    }
}
