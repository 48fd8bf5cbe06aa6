using CertGuard.Core;
using CertGuard.Core.Time;
using CertGuard.Core.Tips;
using CertGuard.Data.Tips;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Tips;

/// <summary><c>/api/v1/tips</c>: calls recorded as tips, the queue, the assigned officer's work, rewards and numbers.</summary>
public static class OfficeTipsApi
{
    public sealed record CallRequest(TipChannel Channel, string? City, TipKind? Kind, string? Site, string? What, bool Anonymous = true, string? Name = null, string? Phone = null);

    public sealed record AssignRequest(string? Officer, int Version);

    public sealed record MessageRequest(string? Text);

    public sealed record RaiseRequest(bool Lead, bool SuspectSite, string? Summary, int Version, string? SiteUrl = null);

    public sealed record ConcludeRequest(bool Substantiated, int Version);

    public sealed record MergeRequest(Guid Into);

    public sealed record RouteRequest(string? City, string? Department);

    public sealed record ExtensionRequest(DateOnly To);

    public sealed record DecisionRequest(bool Approve, string? Note, int Version);

    public sealed record PaymentRequest(string? Voucher, string? Name, string? IdNumber, string? Phone, int Version);

    public static RouteGroupBuilder MapOfficeTipsApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/tips/calls").WithTags("举报 Tips (office)").RequireAuthorization(TipsAccess.CallPolicy);
        calls.MapPost("/", async (CallRequest r, TipIntake intake, HttpContext http, CancellationToken ct) =>
        {
            if (r.Channel == TipChannel.Web || !Enum.IsDefined(r.Channel)) throw Refusal.Invalid("TIP-CHANNEL");
            var receipt = await intake.FileAsync(new TipSubmission(r.City, r.Kind, r.Site, r.What, r.Anonymous, r.Name, r.Phone), r.Channel, [], ct);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Created((string?)null, new PublicTipsApi.ReceiptAnswer(receipt));
        }).WithSummary("记录来电举报（12350、市安委办、110 转来）：返回回执码，当场读给来电人");

        var tips = api.MapGroup("/tips").WithTags("举报 Tips (office)").RequireAuthorization(TipsAccess.OfficePolicy);
        foreach (var status in new[] { 400, 403, 404, 409 }) tips.ProducesProblem(status);
        tips.MapGet("/", (TipState? state, TipDesk desk, CancellationToken ct) => desk.QueueAsync(state, ct))
            .WithSummary("本市（省安委办：全省）的举报队列，按核查期限排列；不含举报内容");
        tips.MapGet("/{id:guid}", (Guid id, TipDesk desk, CancellationToken ct) => desk.GetAsync(id, ct));
        tips.MapGet("/{id:guid}/material", (Guid id, TipDesk desk, CancellationToken ct) => desk.ReadAsync(id, ct))
            .WithSummary("举报材料：仅分派的承办人可读，每次读取记入审计日志；举报人身份已遮蔽");
        tips.MapGet("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, TipDesk desk, HttpContext http, CancellationToken ct) =>
        {
            var (bytes, type) = await desk.ReadFileAsync(id, fileId, ct);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(bytes, type);
        });
        tips.MapPost("/{id:guid}/assignment", (Guid id, AssignRequest r, TipDesk desk, CancellationToken ct) => desk.AssignAsync(id, r.Officer ?? "", r.Version, ct))
            .WithSummary("分派承办人（市安委办或执法负责人）");
        tips.MapPost("/{id:guid}/messages", async (Guid id, MessageRequest r, TipDesk desk, CancellationToken ct) =>
        {
            await desk.MessageAsync(id, r.Text, ct);
            return TypedResults.NoContent();
        }).WithSummary("给举报人留言（举报人凭回执码查看）");
        tips.MapPost("/{id:guid}/lead", (Guid id, RaiseRequest r, TipDesk desk, CancellationToken ct) => desk.RaiseAsync(id, r.Lead, r.SuspectSite, r.Summary, r.Version, ct, r.SiteUrl))
            .WithSummary("转为执法线索、可疑网站（网站监测，须填 siteUrl：网址或商品链接）或两者；举报的状态随线索和可疑网站变化");
        tips.MapPost("/{id:guid}/conclusion", (Guid id, ConcludeRequest r, TipDesk desk, CancellationToken ct) => desk.ConcludeAsync(id, r.Substantiated, r.Version, ct))
            .WithSummary("核查结束：属实或查无实据；须在反馈期限内告知举报人");
        tips.MapPost("/{id:guid}/merge", (Guid id, MergeRequest r, TipDesk desk, CancellationToken ct) => desk.MergeAsync(id, r.Into, ct))
            .WithSummary("并入同一事项的另一条举报");
        tips.MapPost("/{id:guid}/route", (Guid id, RouteRequest r, TipDesk desk, CancellationToken ct) => desk.RouteAsync(id, r.City, r.Department, ct))
            .WithSummary("省安委办转交其他地市或部门（emergency、police、market-regulation、cyberspace）");
        tips.MapPost("/{id:guid}/extension", (Guid id, ExtensionRequest r, TipDesk desk, CancellationToken ct) => desk.RequestExtensionAsync(id, r.To, ct))
            .WithSummary("申请延长核查期限（最长 TIP-CHECK-MAX）");
        tips.MapPost("/{id:guid}/extension/approval", (Guid id, TipDesk desk, CancellationToken ct) => desk.ApproveExtensionAsync(id, ct))
            .WithSummary("批准延长（执法负责人或市安委办，非申请人本人）");
        tips.MapGet("/statistics", (DateOnly? from, DateOnly? to, TipStatistics stats, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            return stats.MonthlyAsync(from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct);
        }).WithSummary("按地市、按月：收到的举报、查证属实、发放奖励（笔数、金额）");

        var rewards = api.MapGroup("/tips/rewards").WithTags("举报 Tips (office)").RequireAuthorization(TipsAccess.RewardPolicy);
        rewards.MapGet("/", (TipRewardDesk desk, CancellationToken ct) => desk.ListAsync(ct)).WithSummary("奖励：拟奖、审批、申领、发放");
        rewards.MapPost("/{id:guid}/decision", (Guid id, DecisionRequest r, TipRewardDesk desk, CancellationToken ct) => desk.DecideAsync(id, r.Approve, r.Note, r.Version, ct))
            .WithSummary("奖励评审（执法负责人）：批准或不予奖励，须写明意见");
        rewards.MapPost("/{id:guid}/payment", (Guid id, PaymentRequest r, TipRewardDesk desk, CancellationToken ct) =>
                desk.PayAsync(id, r.Voucher, new RewardPayee(r.Name, r.IdNumber, r.Phone), r.Version, ct))
            .WithSummary("发放奖励（市安委办奖励经办人）：记录凭证号；匿名举报人此时出示身份，记入审计日志");
        return api;
    }
}
