namespace CertGuard.Core.Credentials;

/// <summary>COSE algorithm identifiers (RFC 9053, and a private-use value for SM2).</summary>
public enum CoseAlgorithm
{
    /// <summary>ECDSA on P-256 with SHA-256.</summary>
    ES256 = -7,

    /// <summary>SM2 with SM3 (GB/T 32918, GM/T 0009 default signer ID); private use.</summary>
    Sm2Sm3 = -65601,
}
