using System.Buffers.Binary;

namespace CertGuard.Core.Tips;

/// <summary>
/// Removes what a photo says about its maker before it is stored: EXIF (camera, time, GPS position), XMP, IPTC and
/// comments. It rewrites the container without decoding pixels, so no image decoder ever runs on an upload; a file
/// that is not a well-formed JPEG or PNG is refused. JPEG keeps only JFIF, the ICC profile and Adobe's colour marker
/// (APP0, APP2 ICC_PROFILE, APP14); PNG drops its text, time and EXIF chunks. Anything after the image's end goes.
/// </summary>
public static class EvidenceScrubber
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>The file without metadata and its content type; refused unless it is a JPEG or PNG.</summary>
    public static (byte[] Bytes, string ContentType) Scrub(ReadOnlySpan<byte> file)
    {
        if (file.Length > 3 && file[0] == 0xFF && file[1] == 0xD8 && file[2] == 0xFF) return (ScrubJpeg(file), Jpeg);
        if (file.Length > 8 && file[..8].SequenceEqual(PngSignature)) return (ScrubPng(file), Png);
        throw Refusal.Invalid("TIP-FILE-TYPE");
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] ScrubJpeg(ReadOnlySpan<byte> file)
    {
        var output = new List<byte>(file.Length) { 0xFF, 0xD8 };
        var i = 2;
        while (true)
        {
            if (i + 4 > file.Length || file[i] != 0xFF) throw Refusal.Invalid("TIP-FILE-DAMAGED");
            var marker = file[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(i + 2)..]);
            if (length < 2 || i + 2 + length > file.Length) throw Refusal.Invalid("TIP-FILE-DAMAGED");
            var segment = file.Slice(i, 2 + length);
            if (marker == 0xDA)
            {
                // Start of scan: the compressed image follows up to the end-of-image marker; nothing after it is kept.
                var end = LastEndOfImage(file, i + 2 + length);
                output.AddRange(file[i..end]);
                return [.. output];
            }
            if (Keep(marker, segment[4..])) output.AddRange(segment);
            i += 2 + length;
        }
    }

    private static bool Keep(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => payload.StartsWith("JFIF\0"u8),
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),
        0xEE => payload.StartsWith("Adobe"u8),
        0xFE => false, // comment
        >= 0xE1 and <= 0xEF => false, // EXIF, XMP, IPTC, maker data
        _ => true, // tables, frame headers, restart intervals
    };

    private static int LastEndOfImage(ReadOnlySpan<byte> file, int from)
    {
        for (var j = file.Length - 2; j >= from; j--)
        {
            if (file[j] == 0xFF && file[j + 1] == 0xD9) return j + 2;
        }
        throw Refusal.Invalid("TIP-FILE-DAMAGED");
    }

    private static byte[] ScrubPng(ReadOnlySpan<byte> file)
    {
        var output = new List<byte>(file.Length);
        output.AddRange(PngSignature);
        var i = 8;
        while (i + 12 <= file.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(file[i..]);
            if (length > int.MaxValue - 12 || i + 12 + (int)length > file.Length) throw Refusal.Invalid("TIP-FILE-DAMAGED");
            var type = file.Slice(i + 4, 4);
            var chunk = file.Slice(i, 12 + (int)length);
            if (!Dropped(type)) output.AddRange(chunk);
            i += chunk.Length;
            if (type.SequenceEqual("IEND"u8)) return [.. output];
        }
        throw Refusal.Invalid("TIP-FILE-DAMAGED");
    }

    private static bool Dropped(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8) ||
        type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tIME"u8);
}
