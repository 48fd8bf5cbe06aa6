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
    public DomainRuleException Refusal => Core.Refusal.TooMany(Code, ("seconds", RetryAfterSeconds));
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

/// <summary>What an organisation may still be told, from its misses of the last day.</summary>
public sealed class NameCheckBudget
{
    private readonly NameCheckLimitOptions _options;
    private readonly DateTimeOffset _now;
    private readonly List<NameCheckMiss> _misses;

    internal NameCheckBudget(NameCheckLimitOptions options, DateTimeOffset now, List<NameCheckMiss> misses)
    {
        _options = options;
        _now = now;
        _misses = misses;
    }

    private IEnumerable<NameCheckMiss> LastHour => _misses.Where(m => m.At > _now.AddHours(-1));

    private IEnumerable<NameCheckMiss> MismatchesOn(IReadOnlyCollection<Guid> certificates) =>
        _misses.Where(m => m.Outcome == VerificationOutcome.NameMismatch && m.CertificateId is { } id && certificates.Contains(id));

    /// <summary>
    /// Why a check of a number (its registry certificates, possibly none) is refused before it is made, or null: the
    /// organisation's own earlier misses decide, so the refusal tells it nothing it did not already know.
    /// </summary>
    public NameCheckLimited? Limited(IReadOnlyCollection<Guid> certificates)
    {
        var onNumber = MismatchesOn(certificates).ToList();
        if (certificates.Count > 0 && onNumber.Count >= _options.MismatchesPerNumberPerDay)
            return new("NAME-CHECK-NUMBER-LIMITED", onNumber.Min(m => m.At).AddDays(1) - _now);
        var hour = LastHour.ToList();
        if (hour.Count >= _options.MissesPerOrganisationPerHour)
            return new("NAME-CHECK-LIMITED", hour.Min(m => m.At).AddHours(1) - _now);
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
        _misses.Add(new NameCheckMiss(_now, outcome, certificateId));
        return tell;
    }
}
