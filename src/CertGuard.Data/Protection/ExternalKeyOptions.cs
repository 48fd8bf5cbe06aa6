namespace CertGuard.Data.Protection;

/// <summary>
/// The <c>Keys</c> section: the external key, a 256-bit secret held outside the database. It encrypts the Data
/// Protection key ring (which protects the QR signing keys and the sign-in cookies) and keys the audit chain's HMAC,
/// so a copy of the database alone can neither unprotect a key nor rewrite the audit log. See docs/keys.md.
/// </summary>
public sealed class ExternalKeyOptions
{
    public const string Section = "Keys";

    /// <summary>The key itself, base64 of 32 bytes (for a secret store: environment variable <c>Keys__MasterKey</c>).</summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// A file holding the key as base64 (mode 0600). Default: <c>keys/master.key</c> beside the SQLite database's
    /// folder (<c>src/CertGuard.Web/keys/</c> for the demo), or under the working directory on PostgreSQL.
    /// </summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>
    /// Keys that were current before a rotation: still accepted to decrypt key-ring entries and to verify audit entries
    /// written under them, never used to write. Base64 keys or file paths (a value naming an existing file is read).
    /// </summary>
    public List<string> PreviousMasterKeys { get; set; } = [];
}
