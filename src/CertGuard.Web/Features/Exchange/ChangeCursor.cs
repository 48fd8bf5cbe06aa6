using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CertGuard.Web.Features.Exchange;

/// <summary>
/// The change feed's position: opaque to clients, it holds the sequence number of the last change they received.
/// Versioned, so the form can change without breaking cursors already handed out.
/// </summary>
public static class ChangeCursor
{
    private const string Prefix = "v1:";

    /// <summary>The position before the first change.</summary>
    public static string Start => Encode(0);

    public static string Encode(long lastSequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + lastSequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long lastSequence)
    {
        lastSequence = 0;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 64) return false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }
        var text = Encoding.ASCII.GetString(bytes);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && text.Length > Prefix.Length
            && text.AsSpan(Prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lastSequence);
    }
}
