using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Credentials;

/// <summary>
/// Keeps the status lists in step with the certificates, inside the same save: a new certificate gets a random free
/// index on its authority's list, and a status change sets or clears its bit. Bits set = revoked, cancelled or
/// invalid (suspended).
/// </summary>
internal sealed class StatusListMaintenance(CertGuardDbContext db, TimeProvider clock)
{
    // Indexes taken per list, cached for this context's lifetime (bulk loads save many batches through one context).
    private readonly Dictionary<string, HashSet<int>> _used = new(StringComparer.Ordinal);

    public async Task ApplyAsync(CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Certificate>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Status).IsModified))
            .Select(e => e.Entity)
            .ToList();
        if (changed.Count == 0) return;
        var now = clock.GetUtcNow();
        foreach (var certificate in changed)
        {
            if (certificate.StatusListId is null)
            {
                var list = await OpenListAsync(certificate.RegionCode, ct);
                var used = await UsedAsync(list.Id, ct);
                var index = StatusList.PickFreeIndex(used)!.Value;
                used.Add(index);
                list.CountAssignment();
                certificate.AssignStatusEntry(list.Id, index);
            }
            var target = await FindListAsync(certificate.StatusListId!, ct);
            target.Set(certificate.StatusIndex!.Value, certificate.StatusBit, now);
        }
        foreach (var entry in db.ChangeTracker.Entries<StatusListRecord>()) entry.DetectChanges();
    }

    private async Task<StatusListRecord> OpenListAsync(string authority, CancellationToken ct)
    {
        var open = db.StatusLists.Local.Where(l => l.Authority == authority && !l.Full).OrderBy(l => l.Id, StringComparer.Ordinal).FirstOrDefault()
                   ?? await db.StatusLists.Where(l => l.Authority == authority && l.Assigned < StatusList.Size).OrderBy(l => l.Id).FirstOrDefaultAsync(ct);
        if (open is not null) return open;
        var count = await db.StatusLists.CountAsync(l => l.Authority == authority, ct) + db.StatusLists.Local.Count(l => l.Authority == authority && db.Entry(l).State == EntityState.Added);
        var created = new StatusListRecord($"{authority}-{count + 1}", authority, clock.GetUtcNow());
        db.StatusLists.Add(created);
        _used[created.Id] = [];
        return created;
    }

    private async Task<StatusListRecord> FindListAsync(string id, CancellationToken ct) =>
        db.StatusLists.Local.FirstOrDefault(l => l.Id == id)
        ?? await db.StatusLists.SingleAsync(l => l.Id == id, ct);

    private async Task<HashSet<int>> UsedAsync(string listId, CancellationToken ct)
    {
        if (_used.TryGetValue(listId, out var used)) return used;
        // Every certificate counts, whatever the acting account may see.
        var taken = await db.Certificates.IgnoreQueryFilters().Where(c => c.StatusListId == listId && c.StatusIndex != null)
            .Select(c => c.StatusIndex!.Value).ToListAsync(ct);
        return _used[listId] = [.. taken];
    }
}
