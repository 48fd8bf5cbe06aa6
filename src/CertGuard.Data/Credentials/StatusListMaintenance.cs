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
        // The lists this save touches, gathered once: scanning the change tracker per certificate made bulk loads quadratic.
        var lists = db.StatusLists.Local.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var certificate in changed)
        {
            if (certificate.StatusListId is null)
            {
                var list = await OpenListAsync(certificate.RegionCode, lists, ct);
                var used = await UsedAsync(list.Id, ct);
                var index = StatusList.PickFreeIndex(used) ?? throw new InvalidOperationException($"状态列表 {list.Id} 已满。");
                used.Add(index);
                list.CountAssignment();
                certificate.AssignStatusEntry(list.Id, index);
            }
            var target = await FindListAsync(certificate.StatusListId!, lists, ct);
            target.Set(certificate.StatusIndex!.Value, certificate.StatusBit, now);
        }
        foreach (var entry in db.ChangeTracker.Entries<StatusListRecord>()) entry.DetectChanges();
    }

    private async Task<StatusListRecord> OpenListAsync(string authority, Dictionary<string, StatusListRecord> lists, CancellationToken ct)
    {
        var mine = lists.Values.Where(l => l.Authority == authority).ToList();
        if (mine.Where(l => !l.Full).MinBy(l => l.Id, StringComparer.Ordinal) is { } open) return open;
        // A list that filled during this save still shows its old count in the database: leave it out by id.
        var filled = mine.Select(l => l.Id).ToList();
        var stored = await db.StatusLists.Where(l => l.Authority == authority && l.Assigned < StatusList.Size && !filled.Contains(l.Id))
            .OrderBy(l => l.Id).FirstOrDefaultAsync(ct);
        if (stored is not null) return lists[stored.Id] = stored;
        var existing = await db.StatusLists.Where(l => l.Authority == authority).Select(l => l.Id).ToListAsync(ct);
        var number = existing.Concat(mine.Select(l => l.Id)).Distinct().Count() + 1;
        var created = new StatusListRecord($"{authority}-{number}", authority, clock.GetUtcNow());
        db.StatusLists.Add(created);
        _used[created.Id] = [];
        return lists[created.Id] = created;
    }

    private async Task<StatusListRecord> FindListAsync(string id, Dictionary<string, StatusListRecord> lists, CancellationToken ct) =>
        lists.TryGetValue(id, out var list) ? list : lists[id] = await db.StatusLists.SingleAsync(l => l.Id == id, ct);

    private async Task<HashSet<int>> UsedAsync(string listId, CancellationToken ct)
    {
        if (_used.TryGetValue(listId, out var used)) return used;
        // Every certificate counts, whatever the acting account may see.
        var taken = await db.Certificates.IgnoreQueryFilters().Where(c => c.StatusListId == listId && c.StatusIndex != null)
            .Select(c => c.StatusIndex!.Value).ToListAsync(ct);
        return _used[listId] = [.. taken];
    }
}
