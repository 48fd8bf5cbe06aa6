using System.Formats.Cbor;

namespace CertGuard.Core.Credentials;

/// <summary>The registered CWT claims (RFC 8392) of a payload, and the raw CBOR of its private claims.</summary>
internal sealed class CwtMap
{
    private readonly Dictionary<long, byte[]> _private = [];

    public string? Issuer { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public byte[]? Private(long label) => _private.GetValueOrDefault(label);

    /// <summary>Throws CborContentException/FormatException/InvalidOperationException on malformed CBOR.</summary>
    public static CwtMap Read(byte[] cbor)
    {
        var reader = new CborReader(cbor, CborConformanceMode.Lax, allowMultipleRootLevelValues: false);
        var map = new CwtMap();
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            if (reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
            {
                reader.SkipValue();
                reader.SkipValue();
                continue;
            }
            var label = reader.ReadInt64();
            switch (label)
            {
                case 1 when reader.PeekState() == CborReaderState.TextString:
                    map.Issuer = reader.ReadTextString();
                    break;
                case 4 or 6:
                    var seconds = ReadSeconds(reader);
                    if (label == 4) map.ExpiresAt = seconds;
                    else map.IssuedAt = seconds;
                    break;
                default:
                    map._private[label] = reader.ReadEncodedValue().ToArray();
                    break;
            }
        }
        reader.ReadEndMap();
        if (reader.BytesRemaining != 0) throw new FormatException("trailing bytes");
        return map;
    }

    /// <summary>NumericDate: integer or floating seconds since the epoch.</summary>
    private static DateTimeOffset ReadSeconds(CborReader reader)
    {
        double seconds = reader.PeekState() switch
        {
            CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
            CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat => reader.ReadDouble(),
            _ => throw new FormatException("NumericDate expected"),
        };
        if (double.IsNaN(seconds) || seconds < -62135596800 || seconds > 253402300799) throw new FormatException("NumericDate out of range");
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }
}
