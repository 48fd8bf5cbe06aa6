using CertGuard.Core.Credentials;
using CertGuard.Core.Auditing;

namespace CertGuard.Data.Credentials;

/// <summary>One published revocation status list: 131,072 bits for one authority's certificates.</summary>
[NotAudited("derived from the certificates' states, whose changes are audited; republished as a whole")]
public sealed class StatusListRecord
{
    private StatusListRecord()
    {
        Id = Authority = "";
        Bits = [];
    }

    public StatusListRecord(string id, string authority, DateTimeOffset now)
    {
        Id = id;
        Authority = authority;
        Bits = new StatusList().ToBytes();
        UpdatedAt = now;
    }

    /// <summary>e.g. <c>440100-1</c>: the authority's code and a sequence number.</summary>
    public string Id { get; private set; }

    public string Authority { get; private set; }

    public byte[] Bits { get; private set; }

    public int Assigned { get; private set; }

    /// <summary>Bumped by each change; the published document's version and ETag, and the concurrency token.</summary>
    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool Full => Assigned >= StatusList.Size;

    /// <summary>
    /// One more place handed out. A change like any other: the version (the concurrency token) moves, so of two saves
    /// that counted from the same version (two instances issuing in one city) the later fails as stale instead of both
    /// writing the same count, and whoever holds this list by version sees that it changed.
    /// </summary>
    public void CountAssignment()
    {
        Assigned++;
        Version++;
    }

    /// <summary>
    /// A bulk load's share of this list in one change: <paramref name="assigned"/> more entries in use, and the bits of
    /// those loaded already revoked or suspended set (one copy of the bits, not one per certificate).
    /// </summary>
    public void AddBulk(int assigned, IReadOnlyCollection<int> setBits, DateTimeOffset now)
    {
        if (assigned == 0 && setBits.Count == 0) return;
        Assigned += assigned;
        // The count alone is a change too (see CountAssignment): the version moves whether or not a bit was set.
        Version++;
        UpdatedAt = now;
        if (setBits.Count == 0) return;
        var list = StatusList.FromBytes(Bits);
        foreach (var index in setBits) list[index] = true;
        Bits = list.ToBytes();
    }

    /// <summary>Sets or clears a bit; false when it already had that value.</summary>
    public bool Set(int index, bool revoked, DateTimeOffset now)
    {
        var list = StatusList.FromBytes(Bits);
        if (list[index] == revoked) return false;
        list[index] = revoked;
        Bits = list.ToBytes();
        Version++;
        UpdatedAt = now;
        return true;
    }

    public StatusListDocument ToDocument() => new(Id, UpdatedAt, Version, StatusList.FromBytes(Bits).Encode());
}
