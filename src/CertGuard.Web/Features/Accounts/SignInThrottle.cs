using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Accounts;

/// <summary>
/// Slows password guessing without locking anyone out: failures are counted per client address and per user name
/// typed (whether or not such an account exists, so the answer tells nothing); past a number of free failures
/// (<see cref="SignInThrottleOptions.FreeFailuresPerName"/>, <see cref="SignInThrottleOptions.FreeFailuresPerAddress"/>)
/// each further failure requires a wait that doubles, capped. An
/// account is never locked, so nobody can shut an officer out by typing wrong passwords for their name, and API keys are
/// not affected. Kept in this instance's memory: behind several instances each counts its own share.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    private SignInThrottleOptions Options => options.Value;

    /// <summary>When the next try is allowed, if it is not allowed now.</summary>
    public DateTimeOffset? BlockedUntil(string address, string userName)
    {
        var now = clock.GetUtcNow();
        var until = new[] { AddressKey(address), NameKey(userName) }
            .Select(k => _counters.TryGetValue(k, out var c) ? c.BlockedUntil : null)
            .Where(t => t > now).DefaultIfEmpty(null).Max();
        return until;
    }

    public void Failed(string address, string userName)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, free) in new[] { (AddressKey(address), Options.FreeFailuresPerAddress), (NameKey(userName), Options.FreeFailuresPerName) })
            _counters.AddOrUpdate(key, _ => Next(new Counter(0, now, null), free, now), (_, c) => Next(c, free, now));
        if (_counters.Count > 100_000) Forget(now);
    }

    /// <summary>The right password clears the name's count (not the address's: one own account must not reset a guesser).</summary>
    public void Succeeded(string userName) => _counters.TryRemove(NameKey(userName), out _);

    private Counter Next(Counter counter, int free, DateTimeOffset now)
    {
        var failures = now - counter.LastFailure > Options.ForgetAfter ? 1 : counter.Failures + 1;
        var over = failures - Math.Max(1, free);
        if (over < 0) return new Counter(failures, now, null);
        var delay = Options.FirstDelay * Math.Pow(2, Math.Min(over, 30));
        return new Counter(failures, now, now + (delay < Options.MaxDelay ? delay : Options.MaxDelay));
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
        {
            if (now - counter.LastFailure > Options.ForgetAfter) _counters.TryRemove(key, out _);
        }
    }

    private static string AddressKey(string address) => "address:" + address;

    private static string NameKey(string userName) => "name:" + userName.Trim().ToUpperInvariant();

    private sealed record Counter(int Failures, DateTimeOffset LastFailure, DateTimeOffset? BlockedUntil);
}
