using CertGuard.Core.Certificates;
using CertGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Reminders;

/// <summary>Which reminders: reviews falling due soon, reviews already overdue, or both.</summary>
public enum ReminderKind
{
    All,
    Due,
    Overdue,
}

/// <summary>
/// Review reminders (复审提醒) of this province's certificates, as the page and the API show them: reviews falling due
/// within <see cref="Days"/> days, and overdue ones (the due date passed without a review, whether or not the daily
/// job has marked them invalid yet) while still within their validity. Scope is the context's: a city account sees
/// its city, an employer its own workers. The predicates compare status and due date, which the indexes
/// (RegionCode, Status, NextReviewDue) and (Status, NextReviewDue) serve.
/// </summary>
public sealed record ReviewReminderQuery(
    int Days, ReminderKind Kind, string? City, Guid? Employer, string? EmployerCreditCode, bool Descending, int Page = 1, int PageSize = 50)
{
    public const int MaxDays = 366;
    public const int MaxPageSize = 200;

    public async Task<ReminderPage> RunAsync(CertGuardDbContext db, DateOnly today, CancellationToken ct)
    {
        var scoped = db.Certificates.AsNoTracking().Where(c => c.ExchangeVersion == null);
        if (!string.IsNullOrEmpty(City)) scoped = scoped.Where(c => c.RegionCode == City);
        if (Employer is { } employer) scoped = scoped.Where(c => c.EmployerId == employer);
        if (!string.IsNullOrEmpty(EmployerCreditCode))
        {
            var ids = db.Organisations.Where(o => o.CreditCode == EmployerCreditCode).Select(o => (Guid?)o.Id);
            scoped = scoped.Where(c => ids.Contains(c.EmployerId));
        }

        var due = scoped.Where(DuePredicate(today, today.AddDays(Days)));
        var overdue = scoped.Where(OverduePredicate(today));
        var dueCount = await due.CountAsync(ct);
        var overdueCount = await overdue.CountAsync(ct);
        var (query, total) = Kind switch
        {
            ReminderKind.Due => (due, dueCount),
            ReminderKind.Overdue => (overdue, overdueCount),
            _ => (scoped.Where(EitherPredicate(today, today.AddDays(Days))), dueCount + overdueCount),
        };

        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var page = Math.Clamp(Page, 1, Math.Max(1, (total + size - 1) / size));
        var ordered = Descending
            ? query.OrderByDescending(c => c.NextReviewDue).ThenByDescending(c => c.Id)
            : query.OrderBy(c => c.NextReviewDue).ThenBy(c => c.Id);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);

        var employerIds = items.Where(c => c.EmployerId != null).Select(c => c.EmployerId!.Value).Distinct().ToList();
        var employers = await db.Organisations.AsNoTracking().Where(o => employerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new ReminderPage(items, employers, page, size, total, dueCount, overdueCount);
    }

    /// <summary>Active, within validity, review due between today and the horizon (inclusive).</summary>
    public static System.Linq.Expressions.Expression<Func<Certificate, bool>> DuePredicate(DateOnly today, DateOnly horizon) =>
        c => c.Status == CertificateStatus.Active && c.ValidTo >= today && c.NextReviewDue >= today && c.NextReviewDue <= horizon;

    /// <summary>
    /// Due date passed without a review, while still within validity: active (the job has not run yet today) or
    /// already marked invalid for it. A certificate past its validity is expired, not a reminder.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Certificate, bool>> OverduePredicate(DateOnly today) =>
        c => c.ValidTo >= today && c.NextReviewDue < today
             && (c.Status == CertificateStatus.Active || (c.Status == CertificateStatus.Invalid && c.StatusReason == OverdueReason));

    private static System.Linq.Expressions.Expression<Func<Certificate, bool>> EitherPredicate(DateOnly today, DateOnly horizon) =>
        c => c.ValidTo >= today && c.NextReviewDue <= horizon
             && ((c.Status == CertificateStatus.Active)
                 || (c.Status == CertificateStatus.Invalid && c.StatusReason == OverdueReason && c.NextReviewDue < today));

    private const string OverdueReason = nameof(CertificateState.ReviewOverdue);
}

/// <summary>One page of reminders, with the employer names of its rows and the counts of each kind.</summary>
public sealed record ReminderPage(
    IReadOnlyList<Certificate> Items, IReadOnlyDictionary<Guid, string> Employers, int Page, int PageSize, int Total, int DueCount, int OverdueCount)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string? EmployerOf(Certificate c) => c.EmployerId is { } id ? Employers.GetValueOrDefault(id) : null;
}
