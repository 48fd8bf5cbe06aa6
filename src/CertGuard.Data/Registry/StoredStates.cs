using System.Linq.Expressions;
using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CertGuard.Data.Registry;

/// <summary>
/// Works the stored states (<see cref="Certificate.IndexedState"/>) out again in the database, for the rows that need
/// it: those whose stored state lapsed (a due date or the end of validity passed, or it was never worked out), and
/// then every row that differs from the rule today (after the rules in force changed). Every save works out the state
/// of what it writes; this is for the days that pass, and is what the daily job runs.
/// Each UPDATE takes <see cref="BatchSize"/> rows (by default), in its own transaction: after an upgrade all ten million rows
/// need it, and one statement would hold their row locks, and every officer's change, for a quarter of an hour.
/// </summary>
public static class StoredStates
{
    public const int BatchSize = 10_000;

    /// <summary>The rows whose stored state lapsed by <paramref name="today"/>: an index range, cheap when there are few.</summary>
    public static Task<int> RefreshLapsedAsync(
        CertGuardDbContext db, DateOnly today, CertificateRules rules, int batchSize = BatchSize, CancellationToken ct = default) =>
        SetInBatchesAsync(db, CertificateStateIndex.Lapsed(today), CertificateStateIndex.StateValue(today, rules), CertificateStateIndex.UntilValue(today, rules), batchSize, ct);

    /// <summary>
    /// The lapsed rows, then every row whose stored state or its end differs from the rule today: a whole-table read
    /// (seconds at ten million), for the daily job. Returns how many rows were written.
    /// </summary>
    public static async Task<int> RefreshAllAsync(
        CertGuardDbContext db, DateOnly today, CertificateRules rules, int batchSize = BatchSize, CancellationToken ct = default)
    {
        var lapsed = await RefreshLapsedAsync(db, today, rules, batchSize, ct);
        var (state, until) = (CertificateStateIndex.StateValue(today, rules), CertificateStateIndex.UntilValue(today, rules));
        var c = state.Parameters[0];
        var differs = Expression.OrElse(
            Expression.NotEqual(Expression.Property(c, nameof(Certificate.IndexedState)), state.Body),
            Expression.NotEqual(Expression.Property(c, nameof(Certificate.IndexedStateUntil)), ReplacingExpressionVisitor.Replace(until.Parameters[0], c, until.Body)));
        return lapsed + await SetInBatchesAsync(db, Expression.Lambda<Func<Certificate, bool>>(differs, c), state, until, batchSize, ct);
    }

    // Every batch leaves the rows it wrote outside the predicate (their state now holds today), so the next one reads
    // the next rows; a batch shorter than the size was the last.
    private static async Task<int> SetInBatchesAsync(
        CertGuardDbContext db, Expression<Func<Certificate, bool>> needed, Expression<Func<Certificate, CertificateState>> state,
        Expression<Func<Certificate, DateOnly>> until, int batchSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var total = 0;
        // Finding the rows that differ reads the whole table: longer than the 30-second default at ten million rows.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            while (true)
            {
                // Any order will do (an ORDER BY would sort every row left to find the first ones).
                var batch = db.Certificates.IgnoreQueryFilters().Where(needed).Select(c => c.Id).Take(batchSize);
                var written = await db.Certificates.IgnoreQueryFilters().Where(c => batch.Contains(c.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IndexedState, state).SetProperty(c => c.IndexedStateUntil, until), ct);
                total += written;
                if (written < batchSize) return total;
            }
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}
