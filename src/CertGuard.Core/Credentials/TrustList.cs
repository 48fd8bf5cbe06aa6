namespace CertGuard.Core.Credentials;

/// <summary>The lifecycle of a signing key on the trust list.</summary>
public static class KeyStatus
{
    /// <summary>Signs new certificates, and verifies.</summary>
    public const string Active = "active";

    /// <summary>Rotated out: signs nothing new, but what it signed still verifies.</summary>
    public const string VerifyOnly = "verify-only";

    /// <summary>No longer trusted: what it signed fails at the kid stage.</summary>
    public const string Retired = "retired";
}

/// <param name="Kid">Hex of the 8-byte key id.</param>
/// <param name="Alg">"ES256" or "SM2-SM3".</param>
/// <param name="SubjectPublicKeyInfo">base64 DER.</param>
/// <param name="Authority">The issuing authority's code (its city's division code).</param>
public sealed record TrustedKey(string Kid, string Alg, string SubjectPublicKeyInfo, string Authority, DateOnly ValidFrom, DateOnly? ValidTo, string Status);

/// <summary>
/// Every issuing authority's signing keys, published signed by the province root key at
/// <c>/.well-known/certguard/trust-list.json</c>. Verifiers pin the root key and look kids up here.
/// </summary>
public sealed record TrustList(string Issuer, DateTimeOffset IssuedAt, long Version, IReadOnlyList<TrustedKey> Keys)
{
    public static string AlgName(CoseAlgorithm algorithm) => algorithm == CoseAlgorithm.ES256 ? "ES256" : "SM2-SM3";

    /// <summary>The trust-list lookup for <see cref="Cg1Codec.Verify"/>: retired keys and keys of the wrong shape are not trusted.</summary>
    public Func<byte[], VerificationKey?> Resolver()
    {
        var keys = new Dictionary<string, VerificationKey>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Keys)
        {
            if (entry.Status == KeyStatus.Retired) continue;
            byte[] spki;
            try
            {
                spki = Convert.FromBase64String(entry.SubjectPublicKeyInfo);
            }
            catch (FormatException)
            {
                continue;
            }
            var key = VerificationKey.FromSubjectPublicKeyInfo(spki);
            // The kid must be the key's own: a list entry cannot borrow another key's identity.
            if (key is not null && string.Equals(Convert.ToHexStringLower(key.Kid), entry.Kid, StringComparison.OrdinalIgnoreCase) && AlgName(key.Algorithm) == entry.Alg)
                keys[entry.Kid] = key;
        }
        return kid => keys.GetValueOrDefault(Convert.ToHexStringLower(kid));
    }
}

/// <summary>The signed document of one status list, served at <c>/.well-known/certguard/status/{id}</c>.</summary>
public sealed record StatusListDocument(string Id, DateTimeOffset UpdatedAt, long Version, string Bits);
