using System.ComponentModel.DataAnnotations;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>The <c>PublicQuery</c> configuration section. Defaults are the documented production values (docs/public-query.md).</summary>
public sealed class PublicQueryOptions
{
    public const string Section = "PublicQuery";

    /// <summary>
    /// The address the province publishes for its official query. The page states it so that a visitor can compare it
    /// with the address bar; fake query sites live on look-alike addresses.
    /// </summary>
    [Required, Url]
    public string OfficialAddress { get; set; } = "https://certguard.gd.gov.cn/query";

    /// <summary>
    /// Where the lookup reads: <see cref="LookupSource.Database"/> (always, in production; on PostgreSQL
    /// <see cref="NpgsqlCertificateLookup"/>, on SQLite EF Core) or, for the load benchmark's comparisons only,
    /// <see cref="LookupSource.Memory"/> (a snapshot loaded at start) or <see cref="LookupSource.EfCore"/>.
    /// </summary>
    public LookupSource Source { get; set; } = LookupSource.Database;

    /// <summary>
    /// Load benchmark only: maps <see cref="BareQueryEndpoint"/> (PostgreSQL only), the bare lookup without the
    /// service around it, and logs a warning at start. Never in service: it answers unmasked rows to anyone.
    /// </summary>
    public bool BareEndpoint { get; set; }

    public PublicQueryLimits RateLimits { get; set; } = new();

    public ChallengeOptions Challenge { get; set; } = new();
}

public enum LookupSource
{
    Database,
    Memory,

    /// <summary>The EF Core lookup (the embedded database's path) on PostgreSQL too: the load benchmark's "before".</summary>
    EfCore,
}

public sealed class PublicQueryLimits
{
    /// <summary>An anonymous client, by address (IPv4 address, IPv6 /64): 10 a minute, 5 at once.</summary>
    public RateLimit PerClient { get; set; } = new() { PermitsPerMinute = 10, Burst = 5 };

    /// <summary>A signed-in account or an API key ("bound client": an employer checking its workforce), by account.</summary>
    public RateLimit BoundClient { get; set; } = new() { PermitsPerMinute = 120, Burst = 30 };

    /// <summary>One certificate number, whoever asks: guessing a holder's name, or probing one number, stays slow.</summary>
    public RateLimit PerNumber { get; set; } = new() { PermitsPerMinute = 5, Burst = 5 };
}

/// <summary>A token bucket: <see cref="Burst"/> queries at once, refilled at <see cref="PermitsPerMinute"/>.</summary>
public sealed class RateLimit
{
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; }

    [Range(1, 1_000_000)]
    public int Burst { get; set; }
}

public sealed class ChallengeOptions
{
    /// <summary>
    /// The least leading zero bits the SHA-256 of challenge and answer must have: 16 is about 65,000 hashes, a second or
    /// two in a phone's browser. Each bit doubles the work. The difficulty rises from here with use (<see cref="ChallengeDifficulty"/>).
    /// </summary>
    [Range(1, 32)]
    public int Difficulty { get; set; } = 16;

    /// <summary>The most bits a challenge asks for: 22 is about 4 million hashes, a minute or so in a phone's browser.</summary>
    public int MaxDifficulty { get; set; } = 22;

    /// <summary>Challenges a client gets at the least difficulty within <see cref="AdaptWindow"/>; each further one adds a bit.</summary>
    public int FreeChallenges { get; set; } = 2;

    /// <summary>The window over which a client's challenges are counted.</summary>
    public TimeSpan AdaptWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Challenges a minute, platform-wide, below which load adds no bit; each doubling above adds one.</summary>
    public int CalmIssuesPerMinute { get; set; } = 120;

    /// <summary>Challenges one client (address, or account) may fetch: a person needs one per pass.</summary>
    public RateLimit IssuesPerClient { get; set; } = new() { PermitsPerMinute = 6, Burst = 6 };

    /// <summary>How long an issued challenge may be answered.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Queries a solved challenge allows beyond the client's limit.</summary>
    [Range(1, 10_000)]
    public int PassQueries { get; set; } = 20;

    /// <summary>How long those queries may be used.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan PassLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
