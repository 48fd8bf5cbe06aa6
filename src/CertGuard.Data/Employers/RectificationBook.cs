using CertGuard.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Employers;

/// <summary>
/// Keeps the rectification items in step with a check: a failing worker without an open item gets one (with the
/// deadline), one with an open item has it follow his latest verdict, and a worker now valid has his item closed.
/// Workers absent from the new roster keep their items: leaving the roster is not a rectification the office saw.
/// The items it opens are returned, not tracked: the caller writes them with the roster's rows (<see cref="RosterStore"/>).
/// </summary>
internal sealed class RectificationBook(CertGuardDbContext db)
{
    public async Task<(List<RectificationItem> Opened, int Resolved)> ApplyAsync(RosterCheck check, IReadOnlyList<RosterRow> rows, DateOnly deadline, CancellationToken ct)
    {
        var open = (await db.Set<RectificationItem>().StillOpen().Where(i => i.OrganisationId == check.OrganisationId).ToListAsync(ct))
            .GroupBy(i => i.Number, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.OpenedAt).First(), StringComparer.Ordinal);
        var (opened, resolved) = (new List<RectificationItem>(), 0);
        foreach (var row in rows.Where(r => r.IsCounted))
        {
            open.TryGetValue(row.Number, out var item);
            if (row.Verdict == RosterVerdict.Valid)
            {
                if (item is null) continue;
                item.Resolve(check.At);
                open.Remove(row.Number);
                resolved++;
            }
            else if (item is not null)
            {
                item.Refresh(row);
            }
            else
            {
                opened.Add(open[row.Number] = RectificationItem.Open(row, check.RegionCode, deadline, check.At));
            }
        }
        return (opened, resolved);
    }
}
