using System.Security.Cryptography;
using System.Text;

namespace CertGuard.Data.Protection;

/// <summary>One external secret: never used directly, only through keys derived from it for one purpose each.</summary>
public sealed class ExternalKey
{
    public const int Length = 32;

    private readonly byte[] _secret;

    public ExternalKey(byte[] secret)
    {
        if (secret.Length != Length) throw new ArgumentException($"外部密钥必须是 {Length} 字节（base64 编码）。", nameof(secret));
        _secret = secret;
        // Names the key in what it encrypted, so a rotated key ring finds the right one; reveals nothing of the key.
        Id = Convert.ToHexStringLower(Derive("CertGuard key id v1").AsSpan(0, 8));
    }

    public string Id { get; }

    /// <summary>A key for one purpose (HKDF-SHA256 with the purpose as info): the same secret never keys two algorithms.</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, Length, salt: [], info: Encoding.UTF8.GetBytes(purpose));

    public static ExternalKey Parse(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("外部密钥不是有效的 base64 文本。");
        }
        if (bytes.Length != Length) throw new InvalidOperationException($"外部密钥必须是 {Length} 字节（base64 编码），实际为 {bytes.Length} 字节。");
        return new ExternalKey(bytes);
    }

    public static string NewText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length));
}

/// <summary>The current external key (writes) and the previous ones (read what they wrote), current first.</summary>
public sealed class ExternalKeys(ExternalKey current, IReadOnlyList<ExternalKey> previous)
{
    public ExternalKey Current { get; } = current;

    public IReadOnlyList<ExternalKey> All { get; } = [current, .. previous];

    public ExternalKey? Find(string id) => All.FirstOrDefault(k => k.Id == id);
}
