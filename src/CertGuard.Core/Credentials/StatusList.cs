using System.IO.Compression;
using System.Security.Cryptography;

namespace CertGuard.Core.Credentials;

/// <summary>
/// A revocation status list (the W3C Bitstring Status List idea): 131,072 bits, one per certificate, bit set =
/// revoked or suspended. Published gzip-compressed and base64url-encoded; a verifier holding the list checks any
/// certificate on it offline. Indexes are handed out at random, so neighbouring bits reveal nothing.
/// </summary>
public sealed class StatusList
{
    public const int Size = 131_072;
    private const int Bytes = Size / 8;

    private readonly byte[] _bits;

    public StatusList() : this(new byte[Bytes])
    {
    }

    private StatusList(byte[] bits) => _bits = bits;

    public bool this[int index]
    {
        get => (_bits[Check(index) >> 3] & (0x80 >> (index & 7))) != 0;
        set
        {
            var mask = (byte)(0x80 >> (Check(index) & 7));
            _bits[index >> 3] = value ? (byte)(_bits[index >> 3] | mask) : (byte)(_bits[index >> 3] & ~mask);
        }
    }

    public int CountSet() => _bits.Sum(b => System.Numerics.BitOperations.PopCount(b));

    public byte[] ToBytes() => (byte[])_bits.Clone();

    public static StatusList FromBytes(byte[] bits) =>
        bits.Length == Bytes ? new StatusList((byte[])bits.Clone()) : throw new ArgumentException($"A status list is {Bytes} bytes.", nameof(bits));

    /// <summary>gzip, then base64url without padding: the published form.</summary>
    public string Encode()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(_bits);
        return Base64Url.Encode(output.ToArray());
    }

    /// <summary>Reads the published form; null when it is not a list of the right size (never inflates past it).</summary>
    public static StatusList? TryDecode(string encoded)
    {
        var compressed = Base64Url.TryDecode(encoded);
        if (compressed is null) return null;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var bits = new byte[Bytes + 1];
            var total = 0;
            int read;
            while (total < bits.Length && (read = gzip.Read(bits, total, bits.Length - total)) > 0) total += read;
            return total == Bytes ? new StatusList(bits[..Bytes]) : null;
        }
        // InvalidDataException for most corrupt streams; ZLibException (an IOException) for some (found by fuzzing).
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    /// <summary>A random free index, so that indexes say nothing about issue order; null when the list is full.</summary>
    public static int? PickFreeIndex(ISet<int> used)
    {
        if (used.Count >= Size) return null;
        while (true)
        {
            var candidate = RandomNumberGenerator.GetInt32(Size);
            if (!used.Contains(candidate)) return candidate;
        }
    }

    private static int Check(int index) =>
        index is >= 0 and < Size ? index : throw new ArgumentOutOfRangeException(nameof(index), $"0 ≤ index < {Size}");
}

/// <summary>base64url without padding (RFC 4648 §5).</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    public static byte[]? TryDecode(string text)
    {
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
