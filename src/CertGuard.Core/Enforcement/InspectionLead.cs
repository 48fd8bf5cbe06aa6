using CertGuard.Core.Auditing;

namespace CertGuard.Core.Enforcement;

/// <summary>
/// A lead for inspectors (执法检查线索): something a city's enforcement should look at, raised from a signal, an
/// employer's suspected fake or a review-time check. The enforcement module works it into inspections and cases.
/// </summary>
[Audited]
public sealed class InspectionLead
{
    public const int TextMaxLength = 1000;

    private InspectionLead()
    {
        RegionCode = Summary = Source = RaisedBy = "";
    }

    public InspectionLead(string regionCode, string source, string summary, string raisedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        RegionCode = regionCode;
        Source = source;
        Summary = summary.Length > TextMaxLength ? summary[..TextMaxLength] : summary;
        RaisedBy = raisedBy;
        RaisedAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>The city whose enforcement works it.</summary>
    public string RegionCode { get; private set; }

    /// <summary>Where it came from: <c>signal</c>, <c>roster</c>, <c>review-check</c>.</summary>
    public string Source { get; private set; }

    public string Summary { get; private set; }

    public string? CertificateNumber { get; init; }

    public Guid? CertificateId { get; init; }

    /// <summary>The employer concerned, when there is one.</summary>
    public Guid? OrganisationId { get; init; }

    public Guid? SignalId { get; init; }

    public string RaisedBy { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }
}
