using CertGuard.Core.Credentials;
using CertGuard.Core.Auditing;

namespace CertGuard.Data.Credentials;

/// <summary>
/// A signing key kept by the platform: the public part as it is, the private part (PKCS#8) encrypted with the Data
/// Protection API, whose keys live in the database too, never in the repository or in plain text.
/// </summary>
[Audited]
public sealed class CredentialKeyRecord
{
    public const string RootPurpose = "root";
    public const string CertificatePurpose = "certificate";

    private CredentialKeyRecord()
    {
        Kid = Algorithm = Authority = Purpose = Status = ProtectedPrivateKey = "";
        SubjectPublicKeyInfo = [];
    }

    public CredentialKeyRecord(SigningKey key, string authority, string purpose, string protectedPrivateKey, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Kid = Convert.ToHexStringLower(key.Kid);
        Algorithm = TrustList.AlgName(key.Algorithm);
        Authority = authority;
        Purpose = purpose;
        SubjectPublicKeyInfo = key.SubjectPublicKeyInfo;
        ProtectedPrivateKey = protectedPrivateKey;
        CreatedAt = now;
        Status = KeyStatus.Active;
    }

    public Guid Id { get; private set; }

    /// <summary>Hex of the 8-byte kid.</summary>
    public string Kid { get; private set; }

    public string Algorithm { get; private set; }

    /// <summary>The issuing authority's code (its city), or the province code for the root key.</summary>
    public string Authority { get; private set; }

    public string Purpose { get; private set; }

    public byte[] SubjectPublicKeyInfo { get; private set; }

    public string ProtectedPrivateKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string Status { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    /// <summary>Rotated out: stops signing, still verifies what it signed.</summary>
    public void StopSigning(DateTimeOffset now) => SetStatus(KeyStatus.VerifyOnly, now);

    /// <summary>No longer trusted at all.</summary>
    public void Retire(DateTimeOffset now) => SetStatus(KeyStatus.Retired, now);

    public TrustedKey ToTrustedKey() => new(Kid, Algorithm, Convert.ToBase64String(SubjectPublicKeyInfo), Authority,
        Core.Time.ChinaTime.DateOf(CreatedAt), StatusChangedAt is { } at && Status == KeyStatus.Retired ? Core.Time.ChinaTime.DateOf(at) : null, Status);

    private void SetStatus(string status, DateTimeOffset now)
    {
        Status = status;
        StatusChangedAt = now;
    }
}
