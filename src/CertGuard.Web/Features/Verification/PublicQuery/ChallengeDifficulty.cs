using System.Collections.Concurrent;

namespace CertGuard.Web.Features.Verification.PublicQuery;

/// <summary>
/// How hard the next challenge is: <see cref="ChallengeOptions.Difficulty"/> bits for a client's first
/// <see cref="ChallengeOptions.FreeChallenges"/> challenges within <see cref="ChallengeOptions.AdaptWindow"/>, then one
/// more bit (twice the work) for each further one; and, while the whole platform issues more than
/// <see cref="ChallengeOptions.CalmIssuesPerMinute"/> challenges a minute, one more bit each time that rate doubles.
/// A client only asks for a challenge after hitting a limit, so both counts rise exactly when the limits are being
/// hit. Never above <see cref="ChallengeOptions.MaxDifficulty"/>. Counts are per instance, in memory, bounded.
/// </summary>
public sealed class ChallengeDifficulty(ChallengeOptions options, TimeProvider clock)
{
    private const int MaxClients = 100_000;

    private readonly ConcurrentDictionary<string, ClientCount> _clients = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _minute;
    private int _thisMinute;
    private int _lastMinute;

    /// <summary>Counts one challenge issued to <paramref name="client"/> and gives its difficulty.</summary>
    public int Next(string client)
    {
        var now = clock.GetUtcNow();
        var issued = CountClient(client, now);
        var load = CountGlobal(now);
        var bits = options.Difficulty + Math.Max(0, issued - Math.Max(0, options.FreeChallenges)) + LoadBits(load);
        return Math.Clamp(bits, options.Difficulty, Math.Max(options.Difficulty, options.MaxDifficulty));
    }

    private int CountClient(string client, DateTimeOffset now)
    {
        if (_clients.Count >= MaxClients) Forget(now);
        var count = _clients.AddOrUpdate(client,
            _ => new ClientCount(now, 1),
            (_, c) => now - c.Since > options.AdaptWindow ? new ClientCount(now, 1) : c with { Issued = c.Issued + 1 });
        return count.Issued;
    }

    /// <summary>Challenges issued over about the last minute (this minute plus the share of the previous one still inside it).</summary>
    private int CountGlobal(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        lock (_gate)
        {
            if (minute != _minute)
            {
                _lastMinute = minute == _minute + 1 ? _thisMinute : 0;
                _thisMinute = 0;
                _minute = minute;
            }
            _thisMinute++;
            var elapsed = (now.ToUnixTimeSeconds() % 60) / 60.0;
            return _thisMinute + (int)(_lastMinute * (1 - elapsed));
        }
    }

    private int LoadBits(int perMinute)
    {
        var calm = Math.Max(1, options.CalmIssuesPerMinute);
        return perMinute <= calm ? 0 : (int)Math.Floor(Math.Log2((double)perMinute / calm)) + 1;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (client, count) in _clients)
        {
            if (now - count.Since > options.AdaptWindow) _clients.TryRemove(client, out _);
        }
        if (_clients.Count >= MaxClients) _clients.Clear();
    }

    private sealed record ClientCount(DateTimeOffset Since, int Issued);
}
