using System.Globalization;
using System.Text;
using CertGuard.Core.Auditing;

namespace CertGuard.Data.Audit;

/// <summary>
/// A signed statement of the chain's head at a time: "entry <see cref="Sequence"/> has hash <see cref="Hash"/>". Kept
/// in the database and in a file an operator stores elsewhere; the chain must still hold that entry, with that hash,
/// so a rewritten or truncated log no longer matches it. Signed (HMAC) with a key derived from the external key.
/// </summary>
[NotAudited("A checkpoint anchors the audit chain itself and is signed; auditing it would chain the chain.")]
public sealed class AuditCheckpoint
{
    public Guid Id { get; set; }

    public long Sequence { get; set; }

    public string Hash { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The external key the signature was made with (not secret).</summary>
    public string KeyId { get; set; } = "";

    public string Signature { get; set; } = "";

    public static AuditCheckpoint Create(long sequence, string hash, DateTimeOffset at, AuditSeal seal)
    {
        var checkpoint = new AuditCheckpoint { Id = Guid.CreateVersion7(), Sequence = sequence, Hash = hash, At = AuditChain.Truncate(at), KeyId = seal.KeyId };
        checkpoint.Signature = seal.SignCheckpoint(checkpoint.Canonical());
        return checkpoint;
    }

    public bool IsSignedBy(AuditSeal seal) => seal.CheckpointMatches(Canonical(), Signature);

    private byte[] Canonical() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"CertGuard audit checkpoint|{Sequence}|{Hash}|{At.UtcTicks}"));
}
