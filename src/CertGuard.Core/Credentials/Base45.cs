namespace CertGuard.Core.Credentials;

/// <summary>Base45 (RFC 9285): bytes as text in the QR alphanumeric alphabet.</summary>
public static class Base45
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static readonly sbyte[] Values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length / 2 * 3) + (data.Length % 2 * 2)];
        var n = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var v = (data[i] << 8) | data[i + 1];
            chars[n++] = Alphabet[v % 45];
            chars[n++] = Alphabet[v / 45 % 45];
            chars[n++] = Alphabet[v / 2025];
        }
        if (data.Length % 2 == 1)
        {
            var v = data[^1];
            chars[n++] = Alphabet[v % 45];
            chars[n] = Alphabet[v / 45];
        }
        return new string(chars);
    }

    /// <summary>Decodes, or returns null for text that is not valid Base45 (bad character, length, or overflowing group).</summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        if (text.Length % 3 == 1) return null;
        var bytes = new byte[(text.Length / 3 * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var n = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var remaining = Math.Min(3, text.Length - i);
            var value = 0;
            var factor = 1;
            for (var j = 0; j < remaining; j++)
            {
                var c = text[i + j];
                var digit = c < 128 ? Values[c] : (sbyte)-1;
                if (digit < 0) return null;
                value += digit * factor;
                factor *= 45;
            }
            if (remaining == 3)
            {
                if (value > 0xFFFF) return null;
                bytes[n++] = (byte)(value >> 8);
                bytes[n++] = (byte)value;
            }
            else
            {
                if (value > 0xFF) return null;
                bytes[n++] = (byte)value;
            }
        }
        return bytes;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) values[Alphabet[i]] = (sbyte)i;
        return values;
    }
}
