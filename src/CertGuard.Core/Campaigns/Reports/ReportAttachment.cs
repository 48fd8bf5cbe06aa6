using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns.Reports;

/// <summary>A file sent with a city's monthly work report (the signed paper report scanned, photos of activities).</summary>
[NotAudited("file content; adding or removing one writes an explicit report-attachment audit entry")]
public sealed class ReportAttachment
{
    public const int NameMaxLength = 200;

    private ReportAttachment()
    {
        CityCode = FileName = ContentType = "";
    }

    public ReportAttachment(Guid reportId, string cityCode, string fileName, string contentType, byte[] content, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ReportId = reportId;
        CityCode = cityCode;
        FileName = fileName.Length > NameMaxLength ? fileName[..NameMaxLength] : fileName;
        ContentType = contentType;
        Length = content.Length;
        Content = content;
        AddedBy = by;
        AddedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public string CityCode { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public int Length { get; private set; }

    public byte[] Content { get; private set; } = [];

    public string AddedBy { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }
}
