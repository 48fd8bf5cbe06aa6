namespace CertGuard.Data.Campaigns.Reports;

/// <summary>The files a work report may carry, told by their first bytes (never by the name or the browser's word).</summary>
internal static class AttachmentTypes
{
    public static string? Sniff(byte[] content, string fileName)
    {
        ReadOnlySpan<byte> b = content;
        if (b.StartsWith("%PDF-"u8)) return "application/pdf";
        if (b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        if (b.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.StartsWith("PK\u0003\u0004"u8))
            return Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => null,
            };
        return null;
    }
}
