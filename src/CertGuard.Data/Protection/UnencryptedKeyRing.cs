using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Protection;

/// <summary>
/// Key-ring entries written before the external key existed hold their secret in clear. At start they are encrypted
/// in place, the way Data Protection encrypts a new key, so an upgraded database stops exposing them.
/// </summary>
public static class UnencryptedKeyRing
{
    private static readonly XNamespace Root = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = Root + "requiresEncryption";
    private static readonly XName EncryptedSecret = Root + "encryptedSecret";

    /// <returns>How many entries were encrypted.</returns>
    public static async Task<int> EncryptAsync(CertGuardDbContext db, IXmlEncryptor encryptor, CancellationToken ct = default)
    {
        var changed = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(ct))
        {
            if (row.Xml is null) continue;
            var element = XElement.Parse(row.Xml);
            var clear = element.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            if (clear.Count == 0) continue;
            foreach (var secret in clear)
            {
                var info = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }
            row.Xml = element.ToString(SaveOptions.DisableFormatting);
            changed++;
        }
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }
}
