using CertGuard.Core.Auditing;

namespace CertGuard.Data.Instances;

/// <summary>
/// One shared rate-limit counter (<c>RateLimits:Store=Postgres</c>): a token bucket's tokens or a fixed window's count,
/// advanced only by one atomic upsert per check (the web layer's <c>PostgresRateCounters</c>). The key is a SHA-256 of
/// the limit and the client or number, so no address or certificate number is stored. UNLOGGED on PostgreSQL: a crash
/// empties it, which only forgives the limits for a minute.
/// </summary>
[NotAudited("transient counters of the public rate limits, keyed by a hash; nothing a person did or may see")]
public sealed class RateLimitCounter
{
    public const int KeyLength = 64;

    private RateLimitCounter()
    {
        Key = "";
    }

    public string Key { get; private set; }

    /// <summary>A bucket's tokens left, or a window's permits used.</summary>
    public double Tokens { get; private set; }

    /// <summary>A bucket's last refill, or a window's start.</summary>
    public DateTimeOffset Stamp { get; private set; }

    /// <summary>Whether the last check was let through (read back by the same statement).</summary>
    public bool Granted { get; private set; }

    /// <summary>When the row is again what no row means (a full bucket, a closed window): it may then be deleted.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }
}
