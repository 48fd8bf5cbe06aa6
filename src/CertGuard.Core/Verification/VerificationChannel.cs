namespace CertGuard.Core.Verification;

/// <summary>How a certificate was checked: every way feeds the same log and the same signals.</summary>
public enum VerificationChannel
{
    /// <summary>The public query by number and name (官方查询).</summary>
    PublicQuery,
    /// <summary>A scanned or pasted QR code checked on the server.</summary>
    QrCheck,
    /// <summary>One row of an employer's roster upload (自查).</summary>
    RosterCheck,
    /// <summary>A training or exam institution entering an applicant's certificate at review (复审).</summary>
    ReviewCheck,
}
