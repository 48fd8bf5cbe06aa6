using System.Text.Json;
using CertGuard.Data;
using CertGuard.Data.Audit;
using CertGuard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Audit;

/// <summary>
/// The audit log for auditors and the province office: recent entries (ID numbers masked; each read is itself
/// audited and limited per account), a check of the chain against its signed checkpoints, and a checkpoint on demand.
/// </summary>
public static class AuditApi
{
    public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

    public sealed record CheckpointResponse(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature, string File);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("审计 Audit").RequireAuthorization(AccountServices.AuditPolicy)
            .RequireRateLimiting(AuditReadLimit.Policy);
        group.MapGet("/entries", async (long? before, int? take, CertGuardDbContext db, CancellationToken ct) =>
            {
                var count = Math.Clamp(take ?? 50, 1, 500);
                var query = db.AuditEntries.AsNoTracking();
                if (before is { } b) query = query.Where(e => e.Sequence < b);
                var entries = await query.OrderByDescending(e => e.Sequence).Take(count).ToListAsync(ct);
                await AuditReads.RecordAsync(db, "api", before, count, entries.Count, ct);
                return TypedResults.Ok(entries.Select(Masked).ToList());
            })
            .WithSummary("最近的审计记录（按序号倒序；身份证号已脱敏；每次读取都记入审计日志）");
        group.MapGet("/verify", async (AuditCheckpoints checkpoints, CancellationToken ct) => TypedResults.Ok(await checkpoints.VerifyAsync(ct: ct)))
            .WithSummary("校验审计日志哈希链（外部密钥 HMAC）及已签名的检查点，报告第一处断点");
        group.MapPost("/checkpoints", async (AuditCheckpoints checkpoints, CancellationToken ct) =>
                await checkpoints.CreateAsync(ct: ct) is { } c
                    ? Results.Ok(new CheckpointResponse(c.Sequence, c.Hash, c.At, c.KeyId, c.Signature, checkpoints.FilePath))
                    : Results.NoContent())
            .WithSummary("立即为审计链的最新一条记录签发检查点（写入数据库和检查点文件）");
        return api;
    }

    public static AuditEntryResponse Masked(AuditEntry e) => new(e.Sequence, e.At, e.Actor, e.Action, e.EntityType,
        AuditRedaction.Mask(e.EntityId)!, AuditRedaction.Mask(e.Before), AuditRedaction.Mask(e.After), e.Hash);
}

/// <summary>Reading the audit log is itself an audited access: who read which page of it, through which channel.</summary>
public static class AuditReads
{
    public const string Action = "read-audit-log";

    public static async Task RecordAsync(CertGuardDbContext db, string channel, long? before, int take, int returned, CancellationToken ct)
    {
        var detail = JsonSerializer.Serialize(new { channel, before, take, returned });
        db.AddAuditEntry(Action, "AuditLog", channel, detail);
        await db.SaveChangesAsync(ct);
    }
}
