using System.ComponentModel.DataAnnotations;
using CertGuard.Web.Features.Verification.PublicQuery;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// The <c>Credentials</c> configuration section (besides <c>Credentials:Algorithms:{city}</c>, read by the key ring).
/// Defaults are the documented production values (docs/cg1-format.md).
/// </summary>
public sealed class CredentialOptions
{
    public const string Section = "Credentials";

    public QrIssueOptions QrIssue { get; set; } = new();

    public VerifyQrOptions VerifyQr { get; set; } = new();
}

public sealed class QrIssueOptions
{
    /// <summary>
    /// QR codes (text, PNG, SVG or the print page) one account and its API keys may obtain: each carries a full ID
    /// number. An authority printing cards needs a few a minute; a harvester wants thousands.
    /// </summary>
    public RateLimit PerAccount { get; set; } = new() { PermitsPerMinute = 30, Burst = 20 };
}

public sealed class VerifyQrOptions
{
    /// <summary><c>POST /api/v1/verify/qr</c> per anonymous client address (IPv4 address, IPv6 /64).</summary>
    public RateLimit PerClient { get; set; } = new() { PermitsPerMinute = 60, Burst = 30 };

    /// <summary>Per signed-in account or API key (an employer or inspector checking cards at a site).</summary>
    public RateLimit BoundClient { get; set; } = new() { PermitsPerMinute = 240, Burst = 60 };

    /// <summary>
    /// The same QR text checked again by the same client within this window is answered but logged once: a flood of
    /// identical checks cannot fill the verification log or drown the signals.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LogOnceWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// PostgreSQL only: check through EF Core (several round trips, a DbContext per check) instead of the one prepared
    /// round trip; the path before 2026-12-07, kept for the load script's comparison (docs/benchmarks.md).
    /// </summary>
    public bool UseEfCore { get; set; }

    /// <summary>Times each stage of every check and writes the means to the log at shut-down (the load script's profile).</summary>
    public bool ProfileStages { get; set; }
}
