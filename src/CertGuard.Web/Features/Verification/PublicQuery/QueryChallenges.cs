using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Verification.PublicQuery;

public sealed record IssuedChallenge(string Challenge, int Difficulty, DateTimeOffset ExpiresAt);

public enum SolveResult
{
    Solved,
    /// <summary>Not a challenge this platform issued, or expired.</summary>
    Invalid,
    /// <summary>The hash of challenge and answer lacks the leading zero bits asked for.</summary>
    WrongAnswer,
    /// <summary>Already answered once: a solution buys one pass.</summary>
    Spent,
}

/// <summary>
/// The self-hosted proof that a person (or a client willing to pay for it) is asking: a hashcash-style proof of work.
/// The server issues a challenge, signed and time-limited with Data Protection (keys in the database, so any instance
/// checks what another issued); the browser finds a nonce such that SHA-256("challenge:nonce") starts with
/// the challenge's difficulty in zero bits (from <see cref="ChallengeOptions.Difficulty"/> up, see <see cref="ChallengeDifficulty"/>); the server checks it with one hash, accepts it once, and grants
/// a pass of <see cref="ChallengeOptions.PassQueries"/> more queries. No third-party service, no tracking.
/// </summary>
public sealed class QueryChallenges
{
    private const int MaxNonceLength = 64;

    private readonly ITimeLimitedDataProtector _challenges;
    private readonly ITimeLimitedDataProtector _passes;
    private readonly ChallengeOptions _options;
    private readonly TimeProvider _clock;
    private readonly ChallengeDifficulty _difficulty;
    // Answered challenges until they expire. Per instance: behind a load balancer a solution could buy one pass on each
    // instance, which the per-number limit and the pass size keep harmless.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);
    private long _solves;

    public QueryChallenges(IDataProtectionProvider protection, IOptions<PublicQueryOptions> options, TimeProvider clock)
    {
        _challenges = protection.CreateProtector("CertGuard.PublicQuery.Challenge.v1").ToTimeLimitedDataProtector();
        _passes = protection.CreateProtector("CertGuard.PublicQuery.Pass.v1").ToTimeLimitedDataProtector();
        _options = options.Value.Challenge;
        _clock = clock;
        _difficulty = new ChallengeDifficulty(_options, clock);
    }

    public ChallengeOptions Options => _options;

    /// <summary>A new challenge for <paramref name="client"/>; its difficulty (signed into it) rises with use and load.</summary>
    public IssuedChallenge Issue(string client)
    {
        var expires = _clock.GetUtcNow() + _options.Lifetime;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var difficulty = _difficulty.Next(client);
        var payload = $"{id}|{difficulty.ToString(CultureInfo.InvariantCulture)}";
        return new IssuedChallenge(_challenges.Protect(payload, expires), difficulty, expires);
    }

    /// <summary>Checks an answer; when it is right and the challenge unused, <paramref name="pass"/> holds the new pass.</summary>
    public SolveResult Solve(string? challenge, string? nonce, out string? pass)
    {
        pass = null;
        if (string.IsNullOrEmpty(challenge) || string.IsNullOrEmpty(nonce) || nonce.Length > MaxNonceLength) return SolveResult.Invalid;
        string payload;
        DateTimeOffset expires;
        try
        {
            payload = _challenges.Unprotect(challenge, out expires);
        }
        catch (CryptographicException)
        {
            return SolveResult.Invalid;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var difficulty)) return SolveResult.Invalid;
        if (LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes(challenge + ":" + nonce))) < difficulty) return SolveResult.WrongAnswer;
        if (!_spent.TryAdd(parts[0], expires)) return SolveResult.Spent;
        if (Interlocked.Increment(ref _solves) % 256 == 0) ForgetExpired();
        var passId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        pass = _passes.Protect(passId, _clock.GetUtcNow() + _options.PassLifetime);
        return SolveResult.Solved;
    }

    /// <summary>The id of a pass this platform granted and that has not expired; null for anything else.</summary>
    public string? PassId(string? pass)
    {
        if (string.IsNullOrEmpty(pass) || pass.Length > 512) return null;
        try
        {
            return _passes.Unprotect(pass, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b == 0)
            {
                bits += 8;
                continue;
            }
            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
        }
        return bits;
    }

    private void ForgetExpired()
    {
        var now = _clock.GetUtcNow();
        foreach (var (id, expires) in _spent)
        {
            if (expires < now) _spent.TryRemove(id, out _);
        }
    }
}
