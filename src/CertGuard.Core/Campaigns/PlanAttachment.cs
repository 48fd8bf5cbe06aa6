using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A file attached to a plan or a closing summary (the signed scan, the plan as a document): PDF, Word (.docx), JPEG
/// or PNG by content, at most <see cref="MaxBytes"/>; stored in the database like every attachment (DESIGN §7).
/// </summary>
[NotAudited("the file's arrival is audited through its plan's version; the bytes themselves are not history")]
public sealed class PlanAttachment
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public const int FileNameMaxLength = 200;

    private PlanAttachment()
    {
        CityCode = FileName = ContentType = Sha256 = "";
        Content = [];
    }

    public PlanAttachment(Guid ownerId, string cityCode, string fileName, byte[] content, DateTimeOffset at)
    {
        ContentType = Check(content);
        Id = Guid.CreateVersion7(at);
        OwnerId = ownerId;
        CityCode = cityCode;
        var name = Path.GetFileName(fileName.Trim());
        FileName = name.Length == 0 ? "attachment" : name.Length > FileNameMaxLength ? name[^FileNameMaxLength..] : name;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>The plan or summary it belongs to.</summary>
    public Guid OwnerId { get; private set; }

    public string CityCode { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The file's type from its content; refuses empty, too large or other types.</summary>
    public static string Check(byte[] bytes)
    {
        if (bytes.LongLength == 0) throw Refusal.Invalid("PLAN-ATTACHMENT-EMPTY");
        if (bytes.LongLength > MaxBytes) throw Refusal.TooLarge("PLAN-ATTACHMENT-TOO-LARGE", ("max", MaxBytes / 1024 / 1024));
        ReadOnlySpan<byte> head = bytes.AsSpan(0, Math.Min(16, bytes.Length));
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        // A .docx is a ZIP package; the parts inside are not trusted, the file is only stored and handed back.
        if (head.StartsWith("PK\u0003\u0004"u8)) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        throw Refusal.Invalid("PLAN-ATTACHMENT-TYPE");
    }
}
