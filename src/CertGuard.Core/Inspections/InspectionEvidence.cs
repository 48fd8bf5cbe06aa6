using System.Security.Cryptography;
using CertGuard.Core.Auditing;

namespace CertGuard.Core.Inspections;

/// <summary>
/// An evidence file of a finding (photo, scan): what it is, its size and the SHA-256 computed at upload, so a copy
/// produced later can be shown to be the file taken on site. The bytes are <see cref="EvidenceContent"/>.
/// </summary>
[Audited]
public sealed class InspectionEvidence
{
    public const int FileNameMaxLength = 200;

    private InspectionEvidence()
    {
        RegionCode = FileName = ContentType = Sha256 = UploadedBy = "";
    }

    public InspectionEvidence(InspectionFinding finding, string fileName, string contentType, byte[] bytes, string by, DateTimeOffset at) : this()
    {
        Id = Guid.CreateVersion7(at);
        FindingId = finding.Id;
        InspectionId = finding.InspectionId;
        RegionCode = finding.RegionCode;
        OrganisationId = finding.OrganisationId;
        var name = Path.GetFileName(fileName ?? "").Trim();
        FileName = name.Length == 0 ? "evidence" : name.Length > FileNameMaxLength ? name[^FileNameMaxLength..] : name;
        ContentType = contentType;
        Size = bytes.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        UploadedBy = by;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid FindingId { get; private set; }

    public Guid InspectionId { get; private set; }

    public string RegionCode { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the bytes as uploaded, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>The bytes of an evidence file, stored in the database beside its audited description.</summary>
[NotAudited("the file's bytes; its name, size and SHA-256 are audited in InspectionEvidence, read only through it")]
public sealed class EvidenceContent
{
    private EvidenceContent()
    {
        Bytes = [];
    }

    public EvidenceContent(Guid evidenceId, byte[] bytes)
    {
        Id = evidenceId;
        Bytes = bytes;
    }

    /// <summary>The <see cref="InspectionEvidence"/>'s id.</summary>
    public Guid Id { get; private set; }

    public byte[] Bytes { get; private set; }
}

/// <summary>What evidence files may be: pictures and scans, recognised by their first bytes, not by the name the client sent.</summary>
public static class EvidenceFiles
{
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>The file's type from its content, or null when it is none of the accepted ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("mif1"u8))) return "image/heic";
        return null;
    }

    public static string Check(byte[] bytes)
    {
        if (bytes.LongLength == 0) throw Refusal.Invalid("INSPECTION-EVIDENCE-EMPTY");
        if (bytes.LongLength > MaxBytes) throw Refusal.TooLarge("INSPECTION-EVIDENCE-TOO-LARGE", ("max", MaxBytes / 1024 / 1024));
        return Sniff(bytes.AsSpan(0, Math.Min(16, bytes.Length))) ?? throw Refusal.Invalid("INSPECTION-EVIDENCE-TYPE");
    }
}
