using CertGuard.Core.Auditing;

namespace CertGuard.Core.Tips;

/// <summary>One message on a tip: from the office to the reporter, or the reporter's reply. The text is sealed.</summary>
[Audited]
public sealed class TipMessage
{
    private TipMessage() => Sealed = [];

    public TipMessage(Guid tipId, bool fromReporter, string? author, DateTimeOffset at, byte[] sealedText)
    {
        Id = Guid.CreateVersion7(at);
        TipId = tipId;
        FromReporter = fromReporter;
        Author = fromReporter ? null : author;
        At = at;
        Sealed = sealedText;
    }

    public Guid Id { get; private set; }

    public Guid TipId { get; private set; }

    public bool FromReporter { get; private set; }

    /// <summary>The officer who wrote it; never the reporter.</summary>
    public string? Author { get; private set; }

    public DateTimeOffset At { get; private set; }

    public byte[] Sealed { get; private set; }
}

/// <summary>A photo or document sent with a tip or a reply: metadata removed, then sealed with the tip's data key.</summary>
[NotAudited("encrypted evidence; its arrival is audited through the tip and its reads through tip-read entries")]
public sealed class TipFile
{
    private TipFile() => ContentType = "";

    public TipFile(Guid tipId, string contentType, int length, DateTimeOffset at, byte[] sealedBytes)
    {
        Id = Guid.CreateVersion7(at);
        TipId = tipId;
        ContentType = contentType;
        Length = length;
        At = at;
        Sealed = sealedBytes;
    }

    public Guid Id { get; private set; }

    public Guid TipId { get; private set; }

    public string ContentType { get; private set; }

    public int Length { get; private set; }

    public DateTimeOffset At { get; private set; }

    public byte[] Sealed { get; private set; } = [];
}
