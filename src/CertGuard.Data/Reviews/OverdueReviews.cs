using CertGuard.Core.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Reviews;

/// <summary>What one run of the overdue-review sweep did.</summary>
public sealed record OverdueRun(DateOnly Today, int Marked, int Batches);

/// <summary>
/// Moves the certificates whose review is overdue to their invalid state (失效), as the daily job and
/// <c>certguard reviews mark-overdue</c> do: those of this province that are still active, within their validity,
/// and past their review due date. A certificate past the end of its validity stays expired (its own state), and
/// one received from another province keeps the state its registry sends.
/// Each batch is one save, so the history events, their change-feed numbers, the audit entries and the status-list
/// bits of a batch are written together; a certificate changed meanwhile by someone else only makes its batch retry.
/// </summary>
public sealed class OverdueReviews(CertGuardDbContext db, TimeProvider clock)
{
    public const int DefaultBatchSize = 500;
    private const int RetriesPerBatch = 3;

    /// <summary>The certificates the sweep would mark on <paramref name="today"/> (UTC+8), whatever the actor's scope.</summary>
    public static IQueryable<Certificate> Due(CertGuardDbContext db, DateOnly today) =>
        db.Certificates.IgnoreQueryFilters().Where(c =>
            c.Status == CertificateStatus.Active && c.ExchangeVersion == null && c.ValidTo >= today && c.NextReviewDue < today);

    public async Task<OverdueRun> RunAsync(DateOnly today, int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (marked, batches, retries) = (0, 0, 0);
        while (true)
        {
            // Newest due dates first: the index range (Status, NextReviewDue) then meets the expired certificates, which
            // stay active with old due dates and are skipped by the filter, only at the end of a run, not in every batch.
            var batch = await Due(db, today).OrderByDescending(c => c.NextReviewDue).ThenByDescending(c => c.Id).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var changed = batch.Count(c => c.MarkInvalidIfOverdue(today, clock));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (retries < RetriesPerBatch)
            {
                // An officer (or another instance's run) changed one of them: read the batch again.
                retries++;
                db.ChangeTracker.Clear();
                continue;
            }
            db.ChangeTracker.Clear();
            (marked, batches, retries) = (marked + changed, batches + 1, 0);
            if (changed == 0 || batch.Count < batchSize) break;
        }
        db.AddAuditEntry("mark-overdue", nameof(Certificate), "*", $"{{\"today\":\"{today:yyyy-MM-dd}\",\"marked\":{marked}}}");
        await db.SaveChangesAsync(ct);
        return new OverdueRun(today, marked, batches);
    }
}
