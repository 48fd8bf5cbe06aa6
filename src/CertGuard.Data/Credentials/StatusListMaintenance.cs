using CertGuard.Core.Certificates;
using CertGuard.Core.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Credentials;

/// <summary>
/// Keeps the status lists in step with the certificates, inside the same save: a new certificate gets a random free
/// index on its authority's list, and a status change sets or clears its bit. Bits set = revoked, cancelled or
/// invalid (suspended).
/// A certificate that gave up its place (a new card: 补发, 更换, 换证, a new issue after the old one ended) gets a fresh
/// one, and its old place is retired: its bit is set and stays set, so the old card fails offline as revoked. A free
/// index is one no certificate holds and whose bit is clear, so a retired index (bit set, no holder) is never handed
/// out again, without a table of its own.
/// </summary>
internal sealed class StatusListMaintenance(CertGuardDbContext db, TimeProvider clock)
{
    // Indexes taken per list, cached for this context's lifetime (bulk loads save many batches through one context).
    private readonly Dictionary<string, HashSet<int>> _used = new(StringComparer.Ordinal);

    public async Task ApplyAsync(CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries<Certificate>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(c => c.Status).IsModified || e.Property(c => c.StatusListId).IsModified)))
            .ToList();
        if (entries.Count == 0) return;
        // The lists this save touches, gathered once: scanning the change tracker per certificate made bulk loads quadratic.
        var lists = db.StatusLists.Local.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            var certificate = entry.Entity;
            if (entry.State == EntityState.Modified && Released(entry) is var (oldList, oldIndex))
            {
                var retired = await FindListAsync(oldList, lists, ct);
                retired.Set(oldIndex, true, now);
                (await UsedAsync(retired, ct)).Add(oldIndex);
            }
            if (certificate.StatusListId is null)
            {
                var list = await OpenListAsync(certificate.RegionCode, lists, ct);
                var used = await UsedAsync(list, ct);
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

    /// <summary>The place a certificate held when loaded and gives up in this save, or null when it keeps it.</summary>
    private static (string List, int Index)? Released(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Certificate> entry)
    {
        var list = entry.Property(c => c.StatusListId);
        var index = entry.Property(c => c.StatusIndex);
        return list.OriginalValue is { } oldList && index.OriginalValue is { } oldIndex
            && (list.CurrentValue != oldList || index.CurrentValue != oldIndex)
            ? (oldList, oldIndex)
            : null;
    }

    /// <summary>The indexes of a list not free: held by a certificate, or with their bit set (retired places included).</summary>
    private async Task<HashSet<int>> UsedAsync(StatusListRecord list, CancellationToken ct)
    {
        if (_used.TryGetValue(list.Id, out var used)) return used;
        // Every certificate counts, whatever the acting account may see.
        var taken = await db.Certificates.IgnoreQueryFilters().Where(c => c.StatusListId == list.Id && c.StatusIndex != null)
            .Select(c => c.StatusIndex!.Value).ToListAsync(ct);
        used = [.. taken];
        var bits = StatusList.FromBytes(list.Bits);
        for (var i = 0; i < StatusList.Size; i++)
        {
            if (bits[i]) used.Add(i);
        }
        return _used[list.Id] = used;
    }
}
