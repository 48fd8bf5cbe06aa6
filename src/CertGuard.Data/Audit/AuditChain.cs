using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertGuard.Data.Audit;

/// <summary>The hash chain over the audit log: how an entry is sealed, and how the chain is checked.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Sealed at whole milliseconds: PostgreSQL keeps microseconds, SQLite's binary DateTimeOffset only 0.1 ms,
    /// and the hash must survive the round trip through either.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static void Seal(AuditEntry entry, long sequence, string previousHash)
    {
        entry.Sequence = sequence;
        entry.At = Truncate(entry.At);
        entry.PreviousHash = previousHash;
        entry.Hash = ComputeHash(entry);
    }

    public static string ComputeHash(AuditEntry e)
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks entries in sequence order; reports the first one that does not link or does not match its hash.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, CancellationToken ct = default)
    {
        var previousHash = GenesisHash;
        long expected = 1, count = 0;
        await foreach (var e in entriesInOrder.WithCancellation(ct))
        {
            count++;
            if (e.Sequence != expected)
                return AuditVerification.Broken(count - 1, expected, $"缺少序号为 {expected} 的审计记录（下一条为 {e.Sequence}）：记录被删除。");
            if (e.PreviousHash != previousHash)
                return AuditVerification.Broken(count - 1, e.Sequence, $"第 {e.Sequence} 条记录的前序哈希与上一条不符：链条在此断开。");
            if (ComputeHash(e) != e.Hash)
                return AuditVerification.Broken(count - 1, e.Sequence, $"第 {e.Sequence} 条记录的内容与其哈希不符：记录被篡改。");
            previousHash = e.Hash;
            expected++;
        }
        return new AuditVerification(true, count, null, $"审计日志完整：共 {count} 条记录，哈希链未断。");
    }
}

/// <param name="VerifiedCount">Entries checked and found sound before the first broken one.</param>
public sealed record AuditVerification(bool Intact, long VerifiedCount, long? FirstBrokenSequence, string Message)
{
    public static AuditVerification Broken(long verified, long sequence, string message) => new(false, verified, sequence, message);
}
