namespace CertGuard.Core.Verification;

/// <summary>What one check found. Stored by name; the public answer folds <see cref="NameMismatch"/> into <see cref="NotFound"/>.</summary>
public enum VerificationOutcome
{
    Valid,
    ReviewDue,
    ReviewOverdue,
    ReviewFailed,
    Expired,
    Revoked,
    Cancelled,
    /// <summary>No certificate under that number (for the asker: the same as <see cref="NameMismatch"/>).</summary>
    NotFound,
    /// <summary>The number exists but the name given is not its holder's.</summary>
    NameMismatch,
    /// <summary>The holder has certificates, but none for the item asked.</summary>
    WrongItem,
    /// <summary>The number cannot be a certificate number (bad check character, unknown province …).</summary>
    Malformed,
    /// <summary>A QR code that did not verify (signature, status, registry).</summary>
    QrRejected,
}
