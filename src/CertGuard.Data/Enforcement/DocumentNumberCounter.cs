using CertGuard.Core.Auditing;
using CertGuard.Core.Enforcement.Documents;

namespace CertGuard.Data.Enforcement;

/// <summary>
/// The next sequence number of one kind of document of one authority in one year (穗应急罚〔2026〕<b>12</b>号). Rows are
/// created and advanced only by <see cref="DocumentNumbers.NextAsync"/> in one atomic statement.
/// </summary>
[NotAudited("a sequence; the numbered documents themselves are audited by the module that keeps them")]
public sealed class DocumentNumberCounter
{
    public const int AuthorityCodeMaxLength = 64;

    public DocumentNumberCounter(string authorityCode, CaseDocumentKind kind, int year, int next)
    {
        AuthorityCode = authorityCode;
        Kind = kind;
        Year = year;
        Next = next;
    }

    /// <summary>Who numbers: an authority's stable code (e.g. its organisation id or "440100-yjj").</summary>
    public string AuthorityCode { get; private set; }

    public CaseDocumentKind Kind { get; private set; }

    public int Year { get; private set; }

    /// <summary>The number the next document gets.</summary>
    public int Next { get; private set; }
}
