using CertGuard.Core.WebWatch;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.WebWatch;

/// <summary>
/// Web watch's figures for the monthly statistics, per city and for the province (the acting account's scope
/// decides which cities): found, confirmed, referred, blocked or closed, listings removed, median days from
/// discovery to closure, reopened — each counted by when it happened within [from, to).
/// </summary>
public sealed class WebWatchMeasures(CertGuardDbContext db)
{
    public const string Province = "440000";

    public async Task<IReadOnlyList<Measures>> ForAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var suspects = await db.Suspects.AsNoTracking()
            .Select(s => new { s.Id, s.RegionCode, s.Kind, s.FoundAt, s.VerifiedAt, s.IsFake, s.DisposedAt, s.ReopenCount, s.LastCheckedAt, s.State })
            .ToListAsync(ct);
        var ids = suspects.Select(s => s.Id).ToList();
        var referred = (await db.SuspectReferrals.AsNoTracking().Where(r => r.ReferredAt >= from && r.ReferredAt < to).Select(r => r.SuspectId).ToListAsync(ct)).ToHashSet();
        Measures Of(string region, IEnumerable<dynamic> rows)
        {
            var list = rows.ToList();
            bool In(DateTimeOffset? t) => t is { } v && v >= from && v < to;
            var closedDays = list.Where(s => In(s.DisposedAt)).Select(s => ((DateTimeOffset)s.DisposedAt - (DateTimeOffset)s.FoundAt).TotalDays).Order().ToList();
            double? median = closedDays.Count == 0 ? null : closedDays.Count % 2 == 1 ? closedDays[closedDays.Count / 2] : (closedDays[closedDays.Count / 2 - 1] + closedDays[closedDays.Count / 2]) / 2;
            return new Measures(region,
                list.Count(s => In(s.FoundAt)),
                list.Count(s => s.IsFake == true && In(s.VerifiedAt)),
                list.Count(s => referred.Contains((Guid)s.Id)),
                list.Count(s => s.Kind == SuspectKind.Website && In(s.DisposedAt)),
                list.Count(s => s.Kind == SuspectKind.Listing && In(s.DisposedAt)),
                median is null ? null : Math.Round(median.Value, 1),
                list.Count(s => s.ReopenCount > 0 && In(s.LastCheckedAt)));
        }
        var result = suspects.GroupBy(s => s.RegionCode).OrderBy(g => g.Key).Select(g => Of(g.Key, g.Cast<dynamic>())).ToList();
        result.Add(Of(Province, suspects.Cast<dynamic>()));
        _ = ids;
        return result;
    }
}
