using CertGuard.Core;
using CertGuard.Core.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Verification;

/// <summary>Why a check is not answered, and when it may be asked again.</summary>
public sealed record NameCheckLimited(string Code, TimeSpan RetryAfter)
{
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>The 429 refusal (code and text in tools/refusal-messages.tsv).</summary>
    public DomainRuleException Refusal => Code == "NAME-CHECK-NUMBER-LIMITED"
        ? Core.Refusal.TooMany("NAME-CHECK-NUMBER-LIMITED", ("seconds", RetryAfterSeconds))
        : Core.Refusal.TooMany("NAME-CHECK-LIMITED", ("seconds", RetryAfterSeconds));
}

/// <summary>
/// The per-number and per-organisation limits of the roster check and the check at review, counted on the
/// verification log (so they hold across requests, restarts and instances). Read once per check or upload; an upload
/// spends the budget row by row.
/// </summary>
public sealed class NameCheckLimits(CertGuardDbContext db, VerificationLog log, TimeProvider clock, IOptions<NameCheckLimitOptions> options)
{
    private static readonly VerificationChannel[] Channels = [VerificationChannel.RosterCheck, VerificationChannel.ReviewCheck];

    public async Task<NameCheckBudget> BudgetAsync(Guid organisationId, CancellationToken ct)
    {
        var o = options.Value;
        // The log is written behind the answers: let it store this organisation's earlier checks first (bounded wait).
        await Task.WhenAny(log.StoredAsync(ct), Task.Delay(o.LogWait, ct));
        var now = clock.GetUtcNow();
        var since = now.AddDays(-1);
        var misses = await db.VerificationLog.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.At >= since && Channels.Contains(r.Channel)
                        && (r.Outcome == VerificationOutcome.NameMismatch || r.Outcome == VerificationOutcome.NotFound))
            .Select(r => new NameCheckMiss(r.At, r.Outcome, r.CertificateId))
            .ToListAsync(ct);
        return new NameCheckBudget(o, now, misses);
    }
}

/// <summary>One logged miss of an organisation: when, which kind, and the certificate a mismatch was against.</summary>
public sealed record NameCheckMiss(DateTimeOffset At, VerificationOutcome Outcome, Guid? CertificateId);

/// <summary>
/// What an organisation may still be told, from its misses of the last day. Kept as running counts, so an upload of
/// fifty thousand rows spends it in linear time.
/// </summary>
public sealed class NameCheckBudget
{
    private readonly NameCheckLimitOptions _options;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<Guid, (int Count, DateTimeOffset Oldest)> _mismatches = [];
    private int _hour;
    private DateTimeOffset _oldestInHour;

    internal NameCheckBudget(NameCheckLimitOptions options, DateTimeOffset now, IEnumerable<NameCheckMiss> misses)
    {
        _options = options;
        _now = now;
        _oldestInHour = now;
        foreach (var miss in misses) Count(miss);
    }

    private void Count(NameCheckMiss miss)
    {
        if (miss.At > _now.AddHours(-1))
        {
            _hour++;
            if (miss.At < _oldestInHour) _oldestInHour = miss.At;
        }
        if (miss.Outcome == VerificationOutcome.NameMismatch && miss.CertificateId is { } id)
        {
            var (count, oldest) = _mismatches.GetValueOrDefault(id, (0, miss.At));
            _mismatches[id] = (count + 1, miss.At < oldest ? miss.At : oldest);
        }
    }

    /// <summary>
    /// Why a check of a number (its registry certificates, possibly none) is refused before it is made, or null: the
    /// organisation's own earlier misses decide, so the refusal tells it nothing it did not already know.
    /// </summary>
    public NameCheckLimited? Limited(IReadOnlyCollection<Guid> certificates)
    {
        var onNumber = 0;
        var oldest = _now;
        foreach (var id in certificates)
        {
            if (!_mismatches.TryGetValue(id, out var m)) continue;
            onNumber += m.Count;
            if (m.Oldest < oldest) oldest = m.Oldest;
        }
        if (onNumber > 0 && onNumber >= _options.MismatchesPerNumberPerDay)
            return new("NAME-CHECK-NUMBER-LIMITED", oldest.AddDays(1) - _now);
        if (_hour >= _options.MissesPerOrganisationPerHour)
            return new("NAME-CHECK-LIMITED", _oldestInHour.AddHours(1) - _now);
        return null;
    }

    /// <summary>
    /// Whether a miss may be told for what it is (not-found or name-mismatch); counts it either way. Past a limit the
    /// caller withholds the distinction (the log still records the truth, for the signals).
    /// </summary>
    public bool Tell(VerificationOutcome outcome, Guid? certificateId, IReadOnlyCollection<Guid> certificates)
    {
        if (outcome is not (VerificationOutcome.NameMismatch or VerificationOutcome.NotFound)) return true;
        var tell = Limited(certificates) is null;
        Count(new NameCheckMiss(_now, outcome, certificateId));
        return tell;
    }
}
