using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertGuard.Data.Audit;

/// <summary>
/// The hash chain over the audit log: how an entry is sealed, and how the chain is checked.
/// </summary>
/// <remarks>
/// Entries are sealed with an HMAC keyed from the external key (<see cref="AuditSeal"/>), from the chain's anchor
/// entry on. A log written before the external key existed keeps its plain SHA-256 entries; the first save after the
/// upgrade writes the anchor, whose HMAC covers the last of them, so the whole log is pinned from then on. A chain with
/// no anchor is reported broken: someone without the key rewrote it as plain hashes.
/// </remarks>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public const string AnchorType = "AuditChain";
    public const string AnchorId = "hmac-sha256";
    public const string AnchorAction = "anchor";

    /// <summary>
    /// Sealed at whole milliseconds: PostgreSQL keeps microseconds, SQLite's binary DateTimeOffset only 0.1 ms,
    /// and the hash must survive the round trip through either.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>The entry that switches the chain to keyed hashes; <paramref name="plainEntries"/> came before it.</summary>
    public static AuditEntry Anchor(DateTimeOffset at, string actor, long plainEntries, string keyId) => new()
    {
        At = at, Actor = actor, Action = AnchorAction, EntityType = AnchorType, EntityId = AnchorId,
        After = $$"""{"keyId":"{{keyId}}","plainEntriesBefore":{{plainEntries.ToString(CultureInfo.InvariantCulture)}}}""",
    };

    public static bool IsAnchor(AuditEntry e) => e.EntityType == AnchorType && e.EntityId == AnchorId && e.Action == AnchorAction;

    public static void Seal(AuditEntry entry, long sequence, string previousHash, AuditSeal seal)
    {
        entry.Sequence = sequence;
        entry.At = Truncate(entry.At);
        entry.PreviousHash = previousHash;
        entry.Hash = seal.Hash(entry);
    }

    /// <summary>The bytes an entry's hash covers.</summary>
    public static byte[] Canonical(AuditEntry e)
    {
        // Length-prefixed fields: no separator inside a value can make two different entries hash alike.
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     e.Actor, e.Action, e.EntityType, e.EntityId, e.Before ?? "\0", e.After ?? "\0", e.PreviousHash,
                 })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The unkeyed hash of entries written before the chain was anchored (and what a forger without the key computes).</summary>
    public static string PlainHash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    /// <summary>
    /// Checks entries in sequence order, and the chain against signed checkpoints of its head; reports the first entry
    /// that does not link or does not match its hash, a checkpoint that is not genuine or not matched, or a log that
    /// ends before a checkpoint (truncated).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(
        IAsyncEnumerable<AuditEntry> entriesInOrder, AuditSeal seal, IReadOnlyCollection<AuditCheckpoint> checkpoints, CancellationToken ct = default)
    {
        foreach (var checkpoint in checkpoints)
        {
            if (!checkpoint.IsSignedBy(seal))
                return AuditVerification.Broken(0, checkpoint.Sequence, $"第 {checkpoint.Sequence} 条记录处的检查点签名无效：检查点被伪造或篡改。");
        }
        var pinned = checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.Select(c => c.Hash).ToHashSet(StringComparer.Ordinal));

        var previousHash = GenesisHash;
        long expected = 1, count = 0;
        var anchored = false;
        await foreach (var e in entriesInOrder.WithCancellation(ct))
        {
            count++;
            if (e.Sequence != expected)
                return AuditVerification.Broken(count - 1, expected, $"缺少序号为 {expected} 的审计记录（下一条为 {e.Sequence}）：记录被删除。");
            if (e.PreviousHash != previousHash)
                return AuditVerification.Broken(count - 1, e.Sequence, $"第 {e.Sequence} 条记录的前序哈希与上一条不符：链条在此断开。");
            anchored |= IsAnchor(e);
            var sound = anchored ? seal.Matches(e) : PlainHash(e) == e.Hash;
            if (!sound)
                return AuditVerification.Broken(count - 1, e.Sequence, $"第 {e.Sequence} 条记录的内容与其哈希不符：记录被篡改（或哈希未用本平台的外部密钥计算）。");
            if (pinned.TryGetValue(e.Sequence, out var hashes) && hashes.Any(h => h != e.Hash))
                return AuditVerification.Broken(count - 1, e.Sequence, $"第 {e.Sequence} 条记录与已签名的检查点不符：检查点之后链条被重写。");
            previousHash = e.Hash;
            expected++;
        }
        if (count > 0 && !anchored)
            return AuditVerification.Broken(0, 1, "审计日志没有外部密钥锚点：整条链可能已被不持有密钥的人重算。");
        var last = count;
        if (pinned.Count > 0 && pinned.Keys.Max() is var latest && latest > last)
            return AuditVerification.Broken(count, last + 1, $"审计日志在检查点之后被截断：检查点记录到第 {latest} 条，日志只到第 {last} 条。");
        var against = pinned.Count > 0 ? $"，与截至第 {pinned.Keys.Max()} 条的检查点一致" : "";
        return new AuditVerification(true, count, null, $"审计日志完整：共 {count} 条记录，哈希链未断{against}。");
    }
}

/// <param name="VerifiedCount">Entries checked and found sound before the first broken one.</param>
public sealed record AuditVerification(bool Intact, long VerifiedCount, long? FirstBrokenSequence, string Message)
{
    public static AuditVerification Broken(long verified, long sequence, string message) => new(false, verified, sequence, message);
}
