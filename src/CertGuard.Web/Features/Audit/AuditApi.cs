using CertGuard.Data;
using CertGuard.Data.Audit;
using CertGuard.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Audit;

/// <summary>The audit log for auditors and the province office: recent entries and a check of the hash chain.</summary>
public static class AuditApi
{
    public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("审计 Audit").RequireAuthorization(AccountServices.AuditPolicy);
        group.MapGet("/entries", async (long? before, int? take, CertGuardDbContext db, CancellationToken ct) =>
            {
                var query = db.AuditEntries.AsNoTracking();
                if (before is { } b) query = query.Where(e => e.Sequence < b);
                var entries = await query.OrderByDescending(e => e.Sequence).Take(Math.Clamp(take ?? 50, 1, 500))
                    .Select(e => new AuditEntryResponse(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash))
                    .ToListAsync(ct);
                return TypedResults.Ok(entries);
            })
            .WithSummary("最近的审计记录（按序号倒序）");
        group.MapGet("/verify", async (CertGuardDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), ct)))
            .WithSummary("校验审计日志哈希链，报告第一处断点");
        return api;
    }
}
