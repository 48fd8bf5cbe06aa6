using System.Security.Cryptography;
using System.Text;
using CertGuard.Core.Tips;
using CertGuard.Data.Protection;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Tips;

/// <summary>
/// The keys of tips. Each tip has a random data key that encrypts its report, messages and files (AES-256-GCM, the
/// tip's id bound as associated data). The data key is stored only wrapped: under a key derived from the receipt's
/// Argon2id hash together with the office key (the reporter's way in), and under the office key alone (the office's
/// way in). The office key is derived from the external key (<c>Keys:MasterKeyFile</c>), never stored in the database,
/// so a copy of the database opens nothing. The receipt is found by a keyed hash of its first 8 digits, so a look-up
/// runs one Argon2id, not one per tip.
/// </summary>
public sealed class TipVault(ExternalKeys keys, IOptions<TipOptions> options)
{
    private const string OfficePurpose = "CertGuard tips office key v1";
    private const string LookupPurpose = "CertGuard tips receipt lookup v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public sealed record Sealing(string LookupId, byte[] Salt, byte[] Verifier, byte[] ReporterWrap, byte[] OfficeWrap, string OfficeKeyId, byte[] DataKey);

    /// <summary>The keys of a new tip for <paramref name="receipt"/>.</summary>
    public Sealing Create(Guid tipId, string receipt)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Argon(receipt, salt);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var office = keys.Current;
        var officeKey = office.Derive(OfficePurpose);
        return new Sealing(LookupIdFor(keys.Current, receipt), salt, Verifier(hash),
            Encrypt(ReporterKey(hash, officeKey), dataKey, tipId, "reporter-wrap"),
            Encrypt(officeKey, dataKey, tipId, "office-wrap"), office.Id, dataKey);
    }

    /// <summary>The look-up ids a receipt may have been filed under (one per external key, current first).</summary>
    public IReadOnlyList<string> LookupIds(string receipt) => keys.All.Select(k => LookupIdFor(k, receipt)).Distinct().ToList();

    /// <summary>The tip's data key if <paramref name="receipt"/> is its receipt and still opens it; null otherwise.</summary>
    public byte[]? OpenAsReporter(Tip tip, string receipt)
    {
        var hash = Argon(receipt, tip.ReceiptSalt);
        if (!CryptographicOperations.FixedTimeEquals(Verifier(hash), tip.ReceiptVerifier) || tip.ReporterKeyWrap is null) return null;
        var office = keys.Find(tip.OfficeKeyId) ?? throw new InvalidOperationException($"举报 {tip.Id} 的机关密钥 {tip.OfficeKeyId} 未配置（Keys:PreviousMasterKeys）。");
        return Decrypt(ReporterKey(hash, office.Derive(OfficePurpose)), tip.ReporterKeyWrap, tip.Id, "reporter-wrap");
    }

    /// <summary>True when the receipt is the tip's, whether or not it still opens it.</summary>
    public bool Matches(Tip tip, string receipt) =>
        CryptographicOperations.FixedTimeEquals(Verifier(Argon(receipt, tip.ReceiptSalt)), tip.ReceiptVerifier);

    /// <summary>The same work as checking a receipt, for a receipt that matches no tip: both answers take alike.</summary>
    public void Decoy(string receipt) => _ = Argon(receipt, RandomNumberGenerator.GetBytes(16));

    public byte[] OpenAsOffice(Tip tip)
    {
        var office = keys.Find(tip.OfficeKeyId) ?? throw new InvalidOperationException($"举报 {tip.Id} 的机关密钥 {tip.OfficeKeyId} 未配置（Keys:PreviousMasterKeys）。");
        return Decrypt(office.Derive(OfficePurpose), tip.OfficeKeyWrap, tip.Id, "office-wrap");
    }

    public static byte[] Seal(byte[] dataKey, Guid tipId, string purpose, byte[] plain) => Encrypt(dataKey, plain, tipId, purpose);

    public static byte[] Seal(byte[] dataKey, Guid tipId, string purpose, string text) => Encrypt(dataKey, Encoding.UTF8.GetBytes(text), tipId, purpose);

    public static byte[] Open(byte[] dataKey, Guid tipId, string purpose, byte[] sealedBytes) => Decrypt(dataKey, sealedBytes, tipId, purpose);

    public static string OpenText(byte[] dataKey, Guid tipId, string purpose, byte[] sealedBytes) => Encoding.UTF8.GetString(Decrypt(dataKey, sealedBytes, tipId, purpose));

    private byte[] Argon(string receipt, byte[] salt)
    {
        using var argon = new Argon2id(Encoding.ASCII.GetBytes(receipt))
        {
            Salt = salt, DegreeOfParallelism = 1, MemorySize = options.Value.Argon2MemoryKiB, Iterations = options.Value.Argon2Iterations,
        };
        return argon.GetBytes(32);
    }

    private static byte[] Verifier(byte[] hash) => HKDF.Expand(HashAlgorithmName.SHA256, hash, 32, "CertGuard tips receipt verifier v1"u8.ToArray());

    private static byte[] ReporterKey(byte[] hash, byte[] officeKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, hash, 32, salt: officeKey, info: "CertGuard tips reporter wrap v1"u8.ToArray());

    private static string LookupIdFor(ExternalKey key, string receipt) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Derive(LookupPurpose), Encoding.ASCII.GetBytes(receipt[..Receipt.LookupDigits])));

    private static byte[] Encrypt(byte[] key, byte[] plain, Guid tipId, string purpose)
    {
        var output = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), Associated(tipId, purpose));
        return output;
    }

    private static byte[] Decrypt(byte[] key, byte[] sealedBytes, Guid tipId, string purpose)
    {
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Associated(tipId, purpose));
        return plain;
    }

    // Binds a ciphertext to its tip and use: a sealed report cannot be swapped onto another tip or read as a message.
    private static byte[] Associated(Guid tipId, string purpose) => Encoding.ASCII.GetBytes($"{tipId:N}|{purpose}");
}
