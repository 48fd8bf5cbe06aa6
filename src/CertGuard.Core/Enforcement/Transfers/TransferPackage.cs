using CertGuard.Core.Enforcement.Documents;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;

namespace CertGuard.Core.Enforcement.Transfers;

/// <summary>One document of a transfer's package: its kind, where it is read (slug) and its printed form.</summary>
public sealed record TransferPackageDocument(CaseDocumentKind Kind, string Slug, OfficialDocument Document);

/// <summary>
/// The package a transfer carries to the police (国务院令第310号 第六条): 涉嫌犯罪案件移送书, the investigation report,
/// the list of seized items (e.g. forged cards, with counts), the inspection or appraisal reports and the other
/// evidence, generated from the transfer and its case as official documents to print or download.
/// </summary>
public static class TransferPackage
{
    public static string InvestigationReportTitle => CaseDocumentKind.InvestigationReport.Title();
    public static string SeizedItemsTitle => CaseDocumentKind.SeizedItemsList.Title();
    public static string AppraisalTitle => CaseDocumentKind.AppraisalReport.Title();
    public static string EvidenceTitle => CaseDocumentKind.EvidenceList.Title();

    /// <summary>The public security bureau of the transfer's city (广州市公安局).</summary>
    public static string PoliceBureau(string cityCode) => RegionDirectory.Guangdong.NameOf(cityCode) + "公安局";

    public static IReadOnlyList<TransferPackageDocument> Documents(CaseTransfer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var date = ChinaTime.DateOf(t.TransferredAt ?? t.ApprovedAt ?? t.ReportedAt);
        var number = t.LetterNumber ?? "（移送时编号）";
        var basics = new List<DocumentField> { new("案由", t.CaseTitle), new("当事人", t.Party), new("涉嫌罪名", t.Reason.Offence()) };
        var officers = string.Join("、", t.Officers);
        var items = t.SeizedItems;
        return
        [
            new(CaseDocumentKind.TransferLetter, "transfer-letter", new OfficialDocument(CaseDocumentKind.TransferLetter, t.AuthorityName, number,
                CaseDocumentKind.TransferLetter.Title(), date, PoliceBureau(t.RegionCode),
                [.. basics, new("移送人（执法人员）", officers), new("附件", $"{InvestigationReportTitle}、{SeizedItemsTitle}（{items.Count}项）、{AppraisalTitle}、{EvidenceTitle}")],
                [
                    $"我局在查处{t.Party}{t.CaseTitle}一案中，发现{t.Facts}",
                    $"根据《中华人民共和国刑法》第二百八十条的规定，伪造、变造、买卖国家机关证件不以数额为构成要件，该案{t.Reason.Offence()}。",
                    "根据《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年修订）第三条、第六条的规定，现将该案移送你局，请依法审查，并将审查结果书面告知我局。",
                ],
                "抄送：同级人民检察院")),
            new(CaseDocumentKind.InvestigationReport, "investigation-report", Attachment(t, CaseDocumentKind.InvestigationReport, number, date, 1,
                [.. basics], Lines(t.InvestigationReport))),
            new(CaseDocumentKind.SeizedItemsList, "seized-items", Attachment(t, CaseDocumentKind.SeizedItemsList, number, date, 2,
                [.. items.Select((i, n) => new DocumentField($"{n + 1}. {i.Name}", $"{i.Count}")), new("合计", $"{items.Sum(i => i.Count)}")],
                ["以上物品由我局依法扣押，随案移送。"])),
            new(CaseDocumentKind.AppraisalReport, "appraisal-report", Attachment(t, CaseDocumentKind.AppraisalReport, number, date, 3,
                [.. basics], Lines(t.AppraisalReport))),
            new(CaseDocumentKind.EvidenceList, "evidence-list", Attachment(t, CaseDocumentKind.EvidenceList, number, date, 4,
                [.. basics], Lines(t.OtherEvidence))),
        ];
    }

    public static TransferPackageDocument? Find(CaseTransfer t, string? slug) => Documents(t).FirstOrDefault(d => d.Slug == slug);

    private static OfficialDocument Attachment(CaseTransfer t, CaseDocumentKind kind, string letter, DateOnly date, int n,
        IReadOnlyList<DocumentField> fields, string[] paragraphs) =>
        new(kind, t.AuthorityName, $"{letter} 附件{n}", kind.Title(), date, null, fields, paragraphs.Length > 0 ? paragraphs : ["（未填写）"], null);

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
