using CertGuard.Core.Auditing;
using CertGuard.Core.Enforcement.Documents;

namespace CertGuard.Core.Enforcement.Cases;

/// <summary>
/// A document (文书) in a case's file: its kind, its number by the authority's pattern for the year (e.g.
/// 穗应急罚〔2026〕12号, from the authority's counter), its text and who issued it when. It prints as an
/// <see cref="OfficialDocument"/>.
/// </summary>
[Audited]
public sealed class CaseFileDocument
{
    public const int BodyMaxLength = 8000;

    private CaseFileDocument()
    {
        Number = Body = IssuedBy = "";
    }

    internal CaseFileDocument(Guid caseId, CaseDocumentKind kind, string number, string body, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        Kind = kind;
        Number = number;
        Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body;
        IssuedBy = by;
        IssuedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseDocumentKind Kind { get; private set; }

    /// <summary>文书编号, unique per authority, kind and year.</summary>
    public string Number { get; private set; }

    /// <summary>The text written by the officer (paragraphs separated by line breaks).</summary>
    public string Body { get; private set; }

    public string IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }
}
