using System.Collections.Concurrent;
using CertGuard.Core.Credentials;
using CertGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Credentials;

/// <summary>
/// What the online verifier rebuilt on every check, kept while the database says it is unchanged: the trust list's
/// keys imported for verification (reused while the listed keys are the same, entry for entry), and each status list's
/// bits (read again only when its <c>Version</c> moved). Every check still reads the keys and the lists' versions, so a
/// retired key or a revocation counts from the next check on, in every instance; it no longer reads 16 KiB a list.
/// </summary>
public sealed class VerifierCache
{
    private volatile Trusted? _trusted;
    private readonly ConcurrentDictionary<string, (long Version, StatusList List)> _lists = new(StringComparer.Ordinal);

    private sealed record Trusted(IReadOnlyList<TrustedKey> Keys, Func<byte[], VerificationKey?> Resolve);

    public Func<byte[], VerificationKey?> Resolver(TrustList list)
    {
        if (_trusted is { } cached && cached.Keys.SequenceEqual(list.Keys)) return cached.Resolve;
        var fresh = new Trusted(list.Keys, list.Resolver());
        _trusted = fresh;
        return fresh.Resolve;
    }

    /// <summary>
    /// The keys as the QR check on PostgreSQL holds them: imported once, tagged with the fingerprint of the key rows they
    /// were read after (<see cref="NpgsqlQrChecker"/> compares it with the database's on every check).
    /// </summary>
    public FingerprintedKeys? Keys { get; private set; }

    public FingerprintedKeys Remember(string fingerprint, TrustList list)
    {
        var keys = new FingerprintedKeys(fingerprint, Resolver(list));
        Keys = keys;
        return keys;
    }

    /// <summary>The current status lists by id: their versions from the database, their bits from here unless changed.</summary>
    public async Task<IReadOnlyDictionary<string, StatusList>> StatusListsAsync(CertGuardDbContext db, CancellationToken ct)
    {
        var versions = await db.StatusLists.AsNoTracking().Select(l => new { l.Id, l.Version }).ToListAsync(ct);
        var current = new Dictionary<string, StatusList>(versions.Count, StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var v in versions)
        {
            if (_lists.TryGetValue(v.Id, out var kept) && kept.Version == v.Version) current[v.Id] = kept.List;
            else stale.Add(v.Id);
        }
        if (stale.Count == 0) return current;
        var changed = await db.StatusLists.AsNoTracking().Where(l => stale.Contains(l.Id)).Select(l => new { l.Id, l.Version, l.Bits }).ToListAsync(ct);
        foreach (var l in changed)
        {
            var list = StatusList.FromBytes(l.Bits);
            _lists[l.Id] = (l.Version, list);
            current[l.Id] = list;
        }
        return current;
    }
}

/// <summary>Imported keys and the fingerprint of the key rows they were read after.</summary>
public sealed record FingerprintedKeys(string Fingerprint, Func<byte[], VerificationKey?> Resolve);
