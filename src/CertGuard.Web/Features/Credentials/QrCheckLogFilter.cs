using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// Decides which QR checks go to the verification log: the first check of a text by a client, then again only after
/// <see cref="VerifyQrOptions.LogOnceWithin"/>. Every check is answered; a client repeating one code (a scanner
/// looping, or someone flooding) adds one line per window, not one per request, so the log and its signals keep
/// their meaning. Distinct codes are each logged (the rate limit bounds how many). Kept in memory per instance,
/// as a hash of client and text, bounded in size: at worst, after a restart or when full, a repeat is logged again.
/// </summary>
public sealed class QrCheckLogFilter(IOptions<CredentialOptions> options, TimeProvider clock)
{
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool ShouldLog(string client, string? text)
    {
        var window = options.Value.VerifyQr.LogOnceWithin;
        if (window <= TimeSpan.Zero) return true;
        var now = clock.GetUtcNow();
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(client + "\n" + (text ?? "").Trim())));
        if (_seen.TryGetValue(key, out var until) && until > now) return false;
        if (_seen.Count >= MaxRemembered) Forget(now);
        _seen[key] = now + window;
        return true;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, until) in _seen)
        {
            if (until <= now) _seen.TryRemove(key, out _);
        }
        // Still full of live entries: start afresh rather than grow (a repeat is then logged once more).
        if (_seen.Count >= MaxRemembered) _seen.Clear();
    }
}
