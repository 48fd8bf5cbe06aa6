using CertGuard.Core;
using CertGuard.Core.Tips;
using CertGuard.Data.Tips;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Tips;

/// <summary>
/// The public side of tips (no account): file a tip (JSON or multipart), follow it up, reply, claim a reward. Look-ups
/// by receipt are limited per client like the public query, with its proof-of-work challenge. Nothing here reads or
/// stores the client's address or browser; answers are never cached.
/// </summary>
public static class PublicTipsApi
{
    /// <summary>A tip's form and photos together; larger requests are cut off before they are read.</summary>
    public const long MaxRequestBytes = 45L * 1024 * 1024;

    public sealed record TipRequest(string? City, TipKind? Kind, string? Site, string? What, bool Anonymous = true, string? Name = null, string? Phone = null);

    public sealed record ReceiptAnswer(string Receipt);

    public sealed record ReceiptRequest(string? Receipt);

    public sealed record ReplyRequest(string? Receipt, string? Text);

    public sealed record ClaimRequest(string? Receipt, bool NotRegulatorStaff);

    public static RouteGroupBuilder MapPublicTipsApi(this RouteGroupBuilder api)
    {
        var tips = api.MapGroup("/public/tips").WithTags("举报 Tips (public)").AllowAnonymous();
        foreach (var status in new[] { 400, 404, 409, 413, 429 }) tips.ProducesProblem(status);
        tips.MapPost("/", FileAsync).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).DisableAntiforgery()
            .WithSummary("提交举报（JSON 或 multipart/form-data，可附照片）：返回 16 位回执码，只显示这一次，请妥善保存；不记录 IP 地址、浏览器或账号");
        tips.MapGet("/{receipt}", (string receipt, TipFollowUp followUp, HttpContext http, CancellationToken ct) => ViewAsync(receipt, followUp, http, ct))
            .AddEndpointFilter(TipLookupLimit.Filter)
            .WithSummary("凭回执码查看举报进展（状态、办理机关的留言、自己的补充）。回执码错误与过期的回答相同；页面用 POST /follow-up 以免回执码出现在地址中");
        tips.MapPost("/follow-up", (ReceiptRequest r, TipFollowUp followUp, HttpContext http, CancellationToken ct) => ViewAsync(r.Receipt, followUp, http, ct))
            .AddEndpointFilter(TipLookupLimit.Filter)
            .WithSummary("同上，回执码放在请求体中");
        tips.MapPost("/replies", ReplyAsync).AddEndpointFilter(TipLookupLimit.Filter)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).DisableAntiforgery()
            .WithSummary("凭回执码补充说明或照片（JSON 或 multipart/form-data）");
        tips.MapPost("/reward-claims", async (ClaimRequest r, TipFollowUp followUp, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await followUp.ClaimAsync(r.Receipt, r.NotRegulatorStaff, ct));
            })
            .AddEndpointFilter(TipLookupLimit.Filter)
            .WithSummary("匿名举报人凭回执码申领已批准的奖励；领奖时才向奖励经办人出示身份。监管部门工作人员不得申领");
        return api;
    }

    private static async Task<Ok<TipFollowUpView>> ViewAsync(string? receipt, TipFollowUp followUp, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await followUp.ViewAsync(receipt, ct));
    }

    private static async Task<Created<ReceiptAnswer>> FileAsync(HttpContext http, TipIntake intake, CancellationToken ct)
    {
        var (submission, files) = await ReadAsync<TipRequest>(http, form => new TipRequest(form["city"], ParseKind(form["kind"]), form["site"], form["what"],
            !string.Equals(form["anonymous"], "false", StringComparison.OrdinalIgnoreCase), form["name"], form["phone"]), ct);
        var receipt = await intake.FileAsync(ToSubmission(submission), TipChannel.Web, files, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created((string?)null, new ReceiptAnswer(receipt));
    }

    private static async Task<NoContent> ReplyAsync(HttpContext http, TipFollowUp followUp, CancellationToken ct)
    {
        var (reply, files) = await ReadAsync<ReplyRequest>(http, form => new ReplyRequest(form["receipt"], form["text"]), ct);
        await followUp.ReplyAsync(reply.Receipt, reply.Text, files, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.NoContent();
    }

    public static TipSubmission ToSubmission(TipRequest r) => new(r.City, r.Kind, r.Site, r.What, r.Anonymous, r.Name, r.Phone);

    public static TipKind? ParseKind(string? text) => Enum.TryParse<TipKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    /// <summary>JSON, or a multipart form with its photos (each read up to the size limit, never to disk).</summary>
    private static async Task<(T Body, List<byte[]> Files)> ReadAsync<T>(HttpContext http, Func<IFormCollection, T> fromForm, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            try
            {
                var body = await http.Request.ReadFromJsonAsync<T>(ct) ?? throw Refusal.Invalid("TIP-BODY-INVALID");
                return (body, []);
            }
            catch (System.Text.Json.JsonException)
            {
                throw Refusal.Invalid("TIP-BODY-INVALID");
            }
        }
        var form = await http.Request.ReadFormAsync(ct);
        var options = http.RequestServices.GetRequiredService<IOptions<TipOptions>>().Value;
        return (fromForm(form), await ReadFilesAsync(form.Files, options, ct));
    }

    public static async Task<List<byte[]>> ReadFilesAsync(IFormFileCollection files, TipOptions options, CancellationToken ct)
    {
        var read = new List<byte[]>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            if (read.Count >= options.MaxFiles) throw Refusal.TooLarge("TIP-FILES-TOO-MANY", ("max", options.MaxFiles));
            if (file.Length > options.MaxFileBytes) throw Refusal.TooLarge("TIP-FILE-TOO-LARGE", ("max", options.MaxFileBytes / 1024 / 1024));
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            read.Add(buffer.ToArray());
        }
        return read;
    }
}
