using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace CertGuard.Core.Credentials;

/// <summary>A public key a verifier trusts, identified by its kid (first 8 bytes of SHA-256 of its SubjectPublicKeyInfo).</summary>
public sealed class VerificationKey
{
    private static readonly byte[] Sm2SignerId = "1234567812345678"u8.ToArray();

    private readonly ECDsa? _ecdsa;
    private readonly ECPublicKeyParameters? _sm2;

    private VerificationKey(byte[] kid, CoseAlgorithm algorithm, byte[] spki, ECDsa? ecdsa, ECPublicKeyParameters? sm2)
    {
        Kid = kid;
        Algorithm = algorithm;
        SubjectPublicKeyInfo = spki;
        _ecdsa = ecdsa;
        _sm2 = sm2;
    }

    public byte[] Kid { get; }

    public CoseAlgorithm Algorithm { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    public static byte[] KeyIdOf(ReadOnlySpan<byte> der) => SHA256.HashData(der)[..8];

    /// <summary>Reads a P-256 or SM2 public key; the algorithm follows from its curve. Null when it is neither.</summary>
    public static VerificationKey? FromSubjectPublicKeyInfo(byte[] spki, byte[]? kid = null)
    {
        try
        {
            // BouncyCastle reads empty input as null rather than failing.
            var info = Org.BouncyCastle.Asn1.X509.SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(spki));
            if (info is null) return null;
            var curve = info.Algorithm.Parameters is DerObjectIdentifier oid ? oid : null;
            kid ??= KeyIdOf(spki);
            if (GMObjectIdentifiers.sm2p256v1.Equals(curve))
                return new VerificationKey(kid, CoseAlgorithm.Sm2Sm3, spki, null, (ECPublicKeyParameters)PublicKeyFactory.CreateKey(info));
            if (X9ObjectIdentifiers.Prime256v1.Equals(curve))
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
                return new VerificationKey(kid, CoseAlgorithm.ES256, spki, ecdsa, null);
            }
            return null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidCastException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The key of an X.509 certificate (DER), with the DCC kid convention: SHA-256 of the certificate itself.</summary>
    public static VerificationKey? FromCertificate(byte[] certificateDer)
    {
        try
        {
            // BouncyCastle answers null, not an exception, to bytes that hold no certificate at all.
            var certificate = new X509CertificateParser().ReadCertificate(certificateDer);
            if (certificate is null) return null;
            var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(certificate.GetPublicKey()).GetDerEncoded();
            return FromSubjectPublicKeyInfo(spki, KeyIdOf(certificateDer));
        }
        catch (Exception e) when (e is CertificateException or ArgumentException or IOException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>Checks an r‖s signature (64 bytes) over <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64) return false;
        if (_ecdsa is not null) return _ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256);
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        signer.Init(false, new ParametersWithID(_sm2!, Sm2SignerId));
        signer.BlockUpdate(data);
        try
        {
            return signer.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is CryptoException or ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>A private signing key of an issuing authority: ES256 or SM2. PKCS#8 in and out; never logged.</summary>
public sealed class SigningKey : IDisposable
{
    private static readonly byte[] Sm2SignerId = "1234567812345678"u8.ToArray();

    private readonly ECDsa? _ecdsa;
    private readonly ECPrivateKeyParameters? _sm2;

    private SigningKey(CoseAlgorithm algorithm, byte[] spki, ECDsa? ecdsa, ECPrivateKeyParameters? sm2)
    {
        Algorithm = algorithm;
        SubjectPublicKeyInfo = spki;
        Kid = VerificationKey.KeyIdOf(spki);
        _ecdsa = ecdsa;
        _sm2 = sm2;
    }

    public CoseAlgorithm Algorithm { get; }

    public byte[] Kid { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    public static SigningKey Generate(CoseAlgorithm algorithm)
    {
        if (algorithm == CoseAlgorithm.ES256) return FromEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Sm2Domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return FromSm2((ECPrivateKeyParameters)pair.Private, (ECPublicKeyParameters)pair.Public);
    }

    public static SigningKey ImportPkcs8(ReadOnlySpan<byte> pkcs8)
    {
        var info = PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(pkcs8.ToArray()));
        var curve = info.PrivateKeyAlgorithm.Parameters as DerObjectIdentifier;
        if (GMObjectIdentifiers.sm2p256v1.Equals(curve))
        {
            var priv = (ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(info);
            return FromSm2(priv, new ECPublicKeyParameters(priv.Parameters.G.Multiply(priv.D).Normalize(), priv.Parameters));
        }
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return FromEcdsa(ecdsa);
    }

    public byte[] ExportPkcs8() => _ecdsa is not null
        ? _ecdsa.ExportPkcs8PrivateKey()
        : PrivateKeyInfoFactory.CreatePrivateKeyInfo(_sm2!).GetDerEncoded();

    /// <summary>Signs <paramref name="data"/>, returning r‖s (64 bytes); ES256 signatures are low-S.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        if (_ecdsa is not null) return LowS.Normalize(_ecdsa.SignData(data, HashAlgorithmName.SHA256));
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(_sm2!, new SecureRandom()), Sm2SignerId));
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    public VerificationKey ToVerificationKey() => VerificationKey.FromSubjectPublicKeyInfo(SubjectPublicKeyInfo)!;

    public void Dispose() => _ecdsa?.Dispose();

    private static ECDomainParameters Sm2Domain
    {
        get
        {
            var x9 = GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);
            return new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
        }
    }

    private static SigningKey FromEcdsa(ECDsa ecdsa) => new(CoseAlgorithm.ES256, ecdsa.ExportSubjectPublicKeyInfo(), ecdsa, null);

    private static SigningKey FromSm2(ECPrivateKeyParameters priv, ECPublicKeyParameters pub)
    {
        // Name the curve by OID so the SubjectPublicKeyInfo says "SM2", not explicit parameters.
        var named = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));
        var namedPriv = new ECPrivateKeyParameters("EC", priv.D, named);
        var namedPub = new ECPublicKeyParameters("EC", pub.Q, named);
        var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(namedPub).GetDerEncoded();
        return new SigningKey(CoseAlgorithm.Sm2Sm3, spki, null, namedPriv);
    }
}

/// <summary>
/// ECDSA signatures come in pairs: (r, s) and (r, n − s) both verify. Verifiers that insist on one form (Bitcoin's
/// BIP 62 rule, some JOSE and hardware libraries) accept only s ≤ n/2, so every ES256 signature made here is
/// normalised to it; verification accepts both, since codes printed before still carry either.
/// </summary>
public static class LowS
{
    /// <summary>The order n of the P-256 group (FIPS 186-4, D.1.2.3).</summary>
    public static readonly System.Numerics.BigInteger P256Order = System.Numerics.BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly System.Numerics.BigInteger HalfOrder = P256Order >> 1;

    /// <summary>Whether an r‖s P-256 signature has s ≤ n/2.</summary>
    public static bool IsLow(ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && new System.Numerics.BigInteger(signature[32..], isUnsigned: true, isBigEndian: true) <= HalfOrder;

    /// <summary>The same signature with s replaced by n − s when s is above n/2.</summary>
    public static byte[] Normalize(byte[] signature) => signature.Length != 64 || IsLow(signature) ? signature : Flip(signature);

    /// <summary>The other form of a signature (n − s): still valid, for tests that a verifier accepts both.</summary>
    public static byte[] Flip(byte[] signature)
    {
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var other = (P256Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = (byte[])signature.Clone();
        Array.Clear(result, 32, 32);
        other.CopyTo(result, 64 - other.Length);
        return result;
    }
}
