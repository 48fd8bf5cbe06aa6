namespace CertGuard.Core.Enforcement.Documents;

/// <summary>One labelled value of a document's table (当事人, 地址, 案由 …).</summary>
public sealed record DocumentField(string Label, string Value);

/// <summary>
/// A document of a case as it is printed and downloaded: the issuing authority, the number (穗应急罚〔2026〕12号), the
/// title, the date, the addressee (当事人, or null for internal forms), a table of fields, the body paragraphs and an
/// optional footer (rights to review and appeal, a copy line). The web renders it on A4 and as .docx.
/// </summary>
public sealed record OfficialDocument(
    CaseDocumentKind Kind,
    string AuthorityName,
    string Number,
    string Title,
    DateOnly Date,
    string? Addressee,
    IReadOnlyList<DocumentField> Fields,
    IReadOnlyList<string> Paragraphs,
    string? Footer);
