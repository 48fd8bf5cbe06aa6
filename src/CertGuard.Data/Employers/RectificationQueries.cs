using CertGuard.Core.Employers;

namespace CertGuard.Data.Employers;

/// <summary>
/// <see cref="RectificationItem.IsClosed"/> and <see cref="RectificationItem.IsOverdue"/> as queries the database
/// answers, for the book, the lists and the offices' counts.
/// </summary>
public static class RectificationQueries
{
    /// <summary>Items neither confirmed nor resolved.</summary>
    public static IQueryable<RectificationItem> StillOpen(this IQueryable<RectificationItem> items) =>
        items.Where(i => i.Status != RectificationStatus.Confirmed && i.Status != RectificationStatus.Resolved);

    /// <summary>Items past their deadline and still waiting for the employer.</summary>
    public static IQueryable<RectificationItem> Overdue(this IQueryable<RectificationItem> items, DateOnly today) =>
        items.Where(i => (i.Status == RectificationStatus.Open || i.Status == RectificationStatus.Returned) && i.Deadline < today);
}
