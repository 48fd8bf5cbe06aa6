using CertGuard.Core.Auditing;

namespace CertGuard.Core.WebWatch;

/// <summary>
/// One capture of a suspect page (电子数据取证): the URL, the time (shown in UTC+8), the resolved addresses, the
/// response headers, the HTML and the screenshot, who captured it, each with its SHA-256. Append-only: nothing in it
/// can be changed after it is made, and capturing again adds another.
/// </summary>
[NotAudited("append-only evidence that carries its own SHA-256 hashes; its making is written to the audit log explicitly with those hashes, not the whole page")]
public sealed class Capture
{
    private Capture()
    {
        Url = CapturedBy = Addresses = Headers = Html = AddressesSha256 = HeadersSha256 = HtmlSha256 = HtmlFuzzyHash = "";
    }

    public Capture(Guid suspectId, string url, DateTimeOffset at, string by, string addresses, int? status, string headers, string html)
    {
        Id = Guid.CreateVersion7(at);
        SuspectId = suspectId;
        Url = url;
        CapturedAt = at;
        CapturedBy = by;
        Addresses = addresses;
        StatusCode = status;
        Headers = headers;
        Html = html;
        AddressesSha256 = Sha256(addresses);
        HeadersSha256 = Sha256(headers);
        HtmlSha256 = Sha256(html);
        HtmlFuzzyHash = ContentHashes.Hex(ContentHashes.SimHash(html));
    }

    public Guid Id { get; private set; }

    public Guid SuspectId { get; private set; }

    public string Url { get; private set; }

    public DateTimeOffset CapturedAt { get; private set; }

    public string CapturedBy { get; private set; }

    public string Addresses { get; private set; }

    /// <summary>The HTTP status; null when the site did not answer (the error is in <see cref="Headers"/>).</summary>
    public int? StatusCode { get; private set; }

    public string Headers { get; private set; }

    public string Html { get; private set; }

    public byte[]? Screenshot { get; private set; }

    /// <summary>Why there is no screenshot (no browser configured, the browser failed), said plainly.</summary>
    public string? ScreenshotMissing { get; private set; }

    public string AddressesSha256 { get; private set; }

    public string HeadersSha256 { get; private set; }

    public string HtmlSha256 { get; private set; }

    public string? ScreenshotSha256 { get; private set; }

    public string HtmlFuzzyHash { get; private set; }

    public string? ScreenshotHash { get; private set; }

    public int? HtmlSimilarity { get; private set; }

    public int? ScreenSimilarity { get; private set; }

    /// <summary>Set once, while the capture is made (before it is saved).</summary>
    public void AttachScreenshot(byte[]? png, string? missing, string? perceptualHash)
    {
        if (Screenshot is not null || ScreenshotMissing is not null) throw new InvalidOperationException("A capture's screenshot is set once.");
        Screenshot = png;
        ScreenshotSha256 = png is null ? null : Sha256(png);
        ScreenshotMissing = png is null ? missing ?? "no screenshot" : null;
        ScreenshotHash = perceptualHash;
    }

    public void Compare(int? html, int? screen)
    {
        HtmlSimilarity = html;
        ScreenSimilarity = screen;
    }

    public static string Sha256(string text) => Sha256(System.Text.Encoding.UTF8.GetBytes(text));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
