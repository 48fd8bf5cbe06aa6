using System.Formats.Cbor;

namespace CertGuard.Core.Credentials;

/// <summary>A COSE_Sign1 message (RFC 9052 §4.2): protected header, payload and one signature.</summary>
public sealed record CoseSign1(byte[] ProtectedHeader, int? Algorithm, byte[]? Kid, byte[] Payload, byte[] Signature)
{
    private const CborTag CoseSign1Tag = (CborTag)18;
    private const CborTag CwtTag = (CborTag)61;
    private const int AlgLabel = 1;
    private const int KidLabel = 4;

    /// <summary>Signs <paramref name="payload"/>: protected header {1: alg, 4: kid}, empty unprotected header, tag 18.</summary>
    public static byte[] Sign(SigningKey key, byte[] payload)
    {
        var header = new CborWriter(CborConformanceMode.Canonical);
        header.WriteStartMap(2);
        header.WriteInt32(AlgLabel);
        header.WriteInt32((int)key.Algorithm);
        header.WriteInt32(KidLabel);
        header.WriteByteString(key.Kid);
        header.WriteEndMap();
        var protectedHeader = header.Encode();
        var signature = key.Sign(ToBeSigned(protectedHeader, payload));

        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteTag(CoseSign1Tag);
        writer.WriteStartArray(4);
        writer.WriteByteString(protectedHeader);
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteByteString(payload);
        writer.WriteByteString(signature);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>The Sig_structure: ["Signature1", protected, external_aad = h'', payload].</summary>
    public static byte[] ToBeSigned(byte[] protectedHeader, byte[] payload)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedHeader);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }

    public byte[] ToBeSigned() => ToBeSigned(ProtectedHeader, Payload);

    /// <summary>
    /// Reads a COSE_Sign1, optionally inside a CWT tag (61) and/or the COSE_Sign1 tag (18). Null when the bytes are
    /// not one; never throws on malformed input.
    /// </summary>
    public static CoseSign1? TryDecode(byte[] data)
    {
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Lax, allowMultipleRootLevelValues: false);
            if (reader.PeekState() == CborReaderState.Tag && reader.PeekTag() == CwtTag) reader.ReadTag();
            if (reader.PeekState() == CborReaderState.Tag && reader.PeekTag() == CoseSign1Tag) reader.ReadTag();
            if (reader.ReadStartArray() != 4) return null;
            var protectedHeader = reader.ReadByteString();
            var (algorithm, kid) = ReadProtected(protectedHeader);
            var (unprotectedAlgorithm, unprotectedKid) = ReadHeaderMap(reader);
            var payload = reader.ReadByteString();
            var signature = reader.ReadByteString();
            reader.ReadEndArray();
            if (reader.BytesRemaining != 0) return null;
            // Protected values win; RFC 9052 lets both live in the unprotected bucket, and some issuers put them there.
            return new CoseSign1(protectedHeader, algorithm ?? unprotectedAlgorithm, kid ?? unprotectedKid, payload, signature);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static (int? Algorithm, byte[]? Kid) ReadProtected(byte[] header)
    {
        if (header.Length == 0) return (null, null);
        var reader = new CborReader(header, CborConformanceMode.Lax);
        var values = ReadHeaderMap(reader);
        if (reader.BytesRemaining != 0) throw new FormatException("trailing bytes in protected header");
        return values;
    }

    private static (int? Algorithm, byte[]? Kid) ReadHeaderMap(CborReader reader)
    {
        int? algorithm = null;
        byte[]? kid = null;
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            var label = ReadLabel(reader);
            if (label == AlgLabel && reader.PeekState() is CborReaderState.NegativeInteger or CborReaderState.UnsignedInteger) algorithm = reader.ReadInt32();
            else if (label == KidLabel && reader.PeekState() == CborReaderState.ByteString) kid = reader.ReadByteString();
            else reader.SkipValue();
        }
        reader.ReadEndMap();
        return (algorithm, kid);
    }

    /// <summary>Integer labels are the ones we read; a text label is skipped (returns null).</summary>
    private static long? ReadLabel(CborReader reader)
    {
        if (reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger) return reader.ReadInt64();
        reader.SkipValue();
        return null;
    }
}
