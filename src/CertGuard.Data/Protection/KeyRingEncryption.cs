using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Protection;

/// <summary>
/// Encrypts each Data Protection key (its secret element) with AES-256-GCM under a key derived from the external key,
/// before the key ring is written to the database. The element names the external key it was encrypted with, so
/// after a rotation the previous key (<see cref="ExternalKeyOptions.PreviousMasterKeys"/>) still opens old entries.
/// </summary>
public sealed class KeyRingEncryptor(ExternalKeys keys) : IXmlEncryptor
{
    internal const string Purpose = "CertGuard DataProtection key ring v1";
    internal const string ElementName = "aesGcmEncrypted";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Current;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(key.Derive(Purpose), TagSize))
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(key.Id));
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute("keyId", key.Id),
            new XComment(" 以数据库之外的外部密钥（Keys:MasterKeyFile）加密；没有它无法解密。 "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    internal static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes("CertGuard.KeyRing|" + keyId);
}

/// <summary>Opens what <see cref="KeyRingEncryptor"/> wrote; created by Data Protection by type name.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private const int TagSize = 16;

    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<ExternalKeys>();
        var keyId = (string?)encryptedElement.Attribute("keyId") ?? "";
        var key = keys.Find(keyId) ?? throw new CryptographicException(
            $"数据保护密钥由外部密钥 {keyId} 加密，而本机配置的外部密钥中没有它（Keys:MasterKeyFile / Keys:PreviousMasterKeys）。");
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key.Derive(KeyRingEncryptor.Purpose), TagSize))
            aes.Decrypt(nonce, ciphertext, tag, plaintext, KeyRingEncryptor.AssociatedData(key.Id));
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
