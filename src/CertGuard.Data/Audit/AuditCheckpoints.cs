using System.Text.Json;
using CertGuard.Data.Database;
using CertGuard.Data.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Data.Audit;

/// <summary>Makes checkpoints of the chain's head (database and file), reads them back, and verifies the chain against them.</summary>
public sealed class AuditCheckpoints(
    CertGuardDbContext db, AuditSeal seal, TimeProvider clock, IOptions<AuditCheckpointOptions> options,
    IOptions<ExternalKeyOptions> keyOptions, DatabaseOptions database)
{
    public const string Format = "certguard-audit-checkpoint/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where the copy for the operator is written.</summary>
    public string FilePath => Path.GetFullPath(options.Value.File is { Length: > 0 } file ? file
        : Path.Combine(Path.GetDirectoryName(keyOptions.Value.MasterKeyFile is { Length: > 0 } key ? Path.GetFullPath(key) : ExternalKeyLoader.DefaultFile(database))!,
            "audit-checkpoint.json"));

    /// <summary>Signs the head now; null when the log is empty. With <paramref name="onlyIfMoved"/>, also null when the head is already checkpointed.</summary>
    public async Task<AuditCheckpoint?> CreateAsync(bool onlyIfMoved = false, CancellationToken ct = default)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        if (onlyIfMoved && await db.AuditCheckpoints.AnyAsync(c => c.Sequence == head.Sequence, ct)) return null;
        var checkpoint = AuditCheckpoint.Create(head.Sequence, head.Hash, clock.GetUtcNow(), seal);
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        await WriteFileAsync(FilePath, checkpoint, ct);
        return checkpoint;
    }

    /// <summary>The whole log against every checkpoint in the database, and the one from a file when given.</summary>
    public async Task<AuditVerification> VerifyAsync(AuditCheckpoint? fromFile = null, CancellationToken ct = default)
    {
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().ToListAsync(ct);
        if (fromFile is not null) checkpoints.Add(fromFile);
        // Streamed: the log can hold millions of entries.
        return await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), seal, checkpoints, ct);
    }

    public static async Task WriteFileAsync(string path, AuditCheckpoint checkpoint, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var document = new CheckpointFile(Format, checkpoint.Sequence, checkpoint.Hash, checkpoint.At, checkpoint.KeyId, checkpoint.Signature);
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(document, Json), ct);
        // Replaced whole: a reader never sees half a checkpoint.
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a checkpoint file; throws <see cref="InvalidDataException"/> with a Chinese message when it is not one.</summary>
    public static async Task<AuditCheckpoint> ReadFileAsync(string path, CancellationToken ct = default)
    {
        CheckpointFile? document;
        try
        {
            document = JsonSerializer.Deserialize<CheckpointFile>(await File.ReadAllTextAsync(path, ct), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"检查点文件 {path} 不是有效的 JSON：{e.Message}", e);
        }
        if (document is null || document.Format != Format || document.Hash is not { Length: 64 } || document.Signature is not { Length: > 0 })
            throw new InvalidDataException($"检查点文件 {path} 不是 CertGuard 审计检查点（{Format}）。");
        return new AuditCheckpoint
        {
            Sequence = document.Sequence, Hash = document.Hash, At = document.At, KeyId = document.KeyId ?? "", Signature = document.Signature,
        };
    }

    private sealed record CheckpointFile(string Format, long Sequence, string Hash, DateTimeOffset At, string? KeyId, string Signature);
}
