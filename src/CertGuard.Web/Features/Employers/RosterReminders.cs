using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Time;
using CertGuard.Data.Employers;
using CertGuard.Data;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Employers;

/// <summary>A worker of the current roster whose certificate's review falls due soon (or is overdue).</summary>
public sealed record WorkerReminder(
    int Row, string WorkerName, string MaskedNumber, string? Position, string ItemCode, string ItemName, string RegionName,
    DateOnly NextReviewDue, int DaysLeft, string Kind);

/// <summary>
/// Review reminders (复审提醒) for an employer's workforce: the roster decides who works there, not the employer
/// recorded on the certificate, so the registry is asked by the current roster's numbers (one query per batch), with
/// the reminder predicates of <see cref="ReviewReminderQuery"/>. Only certificates held under the worker's own name,
/// and for his position's items when he has one, are reminded.
/// </summary>
public sealed class RosterReminders(CertGuardDbContext db, TimeProvider clock, IOptions<EmployerOptions> options)
{
    public async Task<List<WorkerReminder>> ForAsync(Guid organisationId, int days, CancellationToken ct)
    {
        var current = await db.Set<RosterCheck>().AsNoTracking().CurrentOf(organisationId).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (current == default) return [];
        var rows = await db.Set<RosterRow>().AsNoTracking().Where(r => r.CheckId == current && r.Verdict != RosterVerdict.BadRow && r.Verdict != RosterVerdict.BadId)
            .ToListAsync(ct);
        var positions = await db.Set<Position>().AsNoTracking().Where(p => p.OrganisationId == organisationId).ToDictionaryAsync(p => p.Id, ct);
        var today = ChinaTime.Today(clock);
        var due = ReviewReminderQuery.DuePredicate(today, today.AddDays(days));
        var overdue = ReviewReminderQuery.OverduePredicate(today);
        var certificates = new List<Certificate>();
        foreach (var batch in rows.Select(r => r.Number).Distinct().Chunk(Math.Max(1, options.Value.LookupBatch)))
        {
            // Past the employer's registry scope on purpose: these are its own workers, named by its roster.
            var numbered = db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => batch.Contains(c.Number) && c.ExchangeVersion == null);
            certificates.AddRange(await numbered.Where(due).ToListAsync(ct));
            certificates.AddRange(await numbered.Where(overdue).ToListAsync(ct));
        }
        var byNumber = certificates.ToLookup(c => c.Number, StringComparer.Ordinal);
        return rows
            .SelectMany(row => byNumber[row.Number]
                .Where(c => HolderNames.Same(c.HolderName, row.Name))
                .Where(c => row.PositionId is not { } id || !positions.TryGetValue(id, out var p) || p.Accepts(c.ItemCode))
                .Select(c => new WorkerReminder(row.Row, row.Name, ResidentIdNumber.Mask(row.Number), row.PositionName, c.ItemCode,
                    CertificateLabels.Item(c.ItemCode), CertificateLabels.City(c.RegionCode), c.NextReviewDue,
                    c.NextReviewDue.DayNumber - today.DayNumber, c.NextReviewDue < today ? "overdue" : "due")))
            .OrderBy(r => r.NextReviewDue).ThenBy(r => r.Row)
            .ToList();
    }
}
