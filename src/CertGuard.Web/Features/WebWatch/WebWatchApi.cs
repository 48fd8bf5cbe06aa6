using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Core.WebWatch;
using CertGuard.Data.WebWatch;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.WebWatch;

/// <summary><c>/api/v1/webwatch</c>: look-alikes, suspects, imports, scans, captures, evidence, referrals, disposals, measures; and the public report.</summary>
public static class WebWatchApi
{
    public sealed record SuspectRequest(string? Url, SuspectKind? Kind, string? Source, string? Platform, string? Note, string? Registrant, string? Contacts, string? City);

    public sealed record DescribeRequest(int? Version, string? Registrant, string? NameServers, string? Contacts);

    public sealed record VerifyRequest(int? Version, bool Fake, string? Reason);

    public sealed record ReferRequest(int? Version, string? Department, string? Note);

    public sealed record AnswerRequest(ReferralAnswer? Answer, string? Document, string? Note);

    public sealed record DisposeRequest(int? Version, DisposalOutcome Outcome, DateOnly? On, string? Document);

    public sealed record ScanRequest(string? Domain, string? City);

    public sealed record ReportRequest(string? Url, string? City, string? Description);

    public static RouteGroupBuilder MapWebWatchApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webwatch").WithTags("网站监测 Web watch").RequireAuthorization(WebWatchModule.ReadPolicy);
        foreach (var status in new[] { 400, 401, 403, 404, 409 }) group.ProducesProblem(status);
        group.MapGet("/lookalikes", (string? domain) =>
        {
            var candidates = LookalikeGenerator.Generate(domain ?? "");
            if (candidates.Count == 0) throw Core.Refusal.Invalid("WEBWATCH-DOMAIN-INVALID", ("domain", domain ?? ""));
            return TypedResults.Ok(candidates);
        }).WithSummary("官方域名的仿冒候选：domain（ASCII/punycode）、unicode、fuzzer、registrable（外部可否注册）、score（风险分），风险高的在前");
        group.MapGet("/suspects", async (WebWatchDesk desk, SuspectState? state, DateTimeOffset? changedSince, Guid? cluster, int? page, CancellationToken ct) =>
        {
            var (items, total) = await desk.ListAsync(state, changedSince, cluster, page ?? 1, ct);
            return TypedResults.Ok(new { total, items });
        }).WithSummary("本地区的可疑网站和网售信息（state、changedSince：只看上次以来的变化、cluster），最近变化的在前");
        group.MapGet("/suspects/{id:guid}", async (Guid id, WebWatchDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.GetAsync(id, ct)))
            .WithSummary("一个可疑对象：核实、移交、处置、复查的记录，取证记录（哈希），同一团伙的其他对象");
        group.MapPost("/suspects", async (SuspectRequest r, WebWatchDesk desk, CancellationToken ct) =>
        {
            var source = r.Source ?? SuspectSources.Manual;
            if (source is not (SuspectSources.Manual or SuspectSources.Tip or SuspectSources.Listing)) throw Core.Refusal.Invalid("WEBWATCH-IMPORT-SOURCE", ("source", source));
            var kind = r.Kind ?? (source == SuspectSources.Listing ? SuspectKind.Listing : SuspectKind.Website);
            return TypedResults.Ok(await desk.AddAsync(new NewSuspect(r.Url, kind, source, r.Platform, r.Note, r.Registrant, r.Contacts, r.City), ct));
        }).WithSummary("登记一个可疑网站或网售信息（手工、举报线索、网售平台）；已登记过的域名不重复登记，返回原记录");
        group.MapPost("/suspects/{id:guid}/details", async (Guid id, DescribeRequest r, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.DescribeAsync(id, r.Version, r.Registrant, r.NameServers, r.Contacts, ct))).WithSummary("注册人、域名服务器、联系方式（据此归入团伙）");
        group.MapPost("/suspects/{id:guid}/verification", async (Guid id, VerifyRequest r, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.VerifyAsync(id, r.Version, r.Fake, r.Reason, ct))).WithSummary("核实：是否仿冒，须填写理由");
        group.MapPost("/suspects/{id:guid}/captures", async (Guid id, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.CaptureAsync(id, ct))).WithSummary("取证：抓取网页、解析地址、截图，各附 SHA-256；与官方查询页比对相似度；每次新增一条，不覆盖");
        group.MapGet("/suspects/{id:guid}/evidence", async (Guid id, WebWatchDesk desk, CancellationToken ct) =>
        {
            var (zip, name) = await desk.PackageAsync(id, ct);
            return TypedResults.File(zip, "application/zip", name);
        }).WithSummary("证据包（zip）：全部取证文件、哈希清单 manifest.json、可打印的电子数据提取笔录");
        group.MapPost("/suspects/{id:guid}/referrals", async (Guid id, ReferRequest r, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.ReferAsync(id, r.Version, r.Department, r.Note, ct)))
            .WithSummary("移交：cyberspace（网信：关停、屏蔽）、telecom（通信管理局：停止接入）、market-regulation（市场监管：网售、虚假宣传）、police（公安：涉嫌犯罪，进入执法线索）");
        group.MapPost("/suspects/{id:guid}/referrals/{referralId:guid}/answer", async (Guid id, Guid referralId, AnswerRequest r, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.AnswerReferralAsync(id, referralId, r.Answer, r.Document, r.Note, ct)))
            .WithSummary("接收部门反馈移交的处理结果（一次）：CaseFiled（立案查处，须填立案文书编号；市场监管的计入统计表第33项）、Handled（已处置）、Declined（不予处理）");
        group.MapPost("/suspects/{id:guid}/disposal", async (Guid id, DisposeRequest r, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.DisposeAsync(id, r.Version, r.Outcome, r.On, r.Document, ct))).WithSummary("处置结果：Blocked、Closed、Delisted，日期和文书");
        group.MapPost("/suspects/{id:guid}/recheck", async (Guid id, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.RecheckAsync(id, ct))).WithSummary("立即复查：仍可访问则重新打开，否则结束");
        group.MapPost("/imports", async (HttpRequest request, string? format, string? source, string? city, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.ImportAsync(request.Body, (format ?? "jsonl").ToLowerInvariant(), source ?? SuspectSources.CertificateTransparency, city, ct)))
            .WithSummary("导入证书透明度日志或新注册域名清单（请求体为 JSON lines 或 CSV；format=jsonl|csv，source=ct|new-domains），按关键词表评分，达到阈值的登记为可疑对象");
        group.MapPost("/scans", async (ScanRequest r, WebWatchDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.ScanAsync(r.Domain ?? "", r.City, ct))).WithSummary("生成仿冒候选并逐一解析（A、AAAA、MX、NS），已注册的登记为可疑对象；通配解析和 SERVFAIL/超时不算已注册");
        group.MapGet("/measures", async (DateOnly? from, DateOnly? to, WebWatchMeasures measures, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            var start = from ?? new DateOnly(today.Year, today.Month, 1);
            var end = to ?? today;
            return TypedResults.Ok(await measures.ForAsync(ChinaTime.StartOfDay(start), ChinaTime.StartOfDay(end.AddDays(1)), ct));
        }).WithSummary("各市及全省：发现、核实为仿冒、移交、关停屏蔽、网售下架、发现到关停天数中位数、复查重开（from、to 为北京时间日期，含两端）");

        var open = api.MapGroup("/public/webwatch").WithTags("公众 Public").AllowAnonymous();
        open.MapPost("/reports", async (ReportRequest r, WebWatchDesk desk, CancellationToken ct) =>
        {
            var city = r.City is { } c && RegionDirectory.Guangdong.IsCity(c) ? c : "440100";
            var added = await desk.AddAsync(new NewSuspect(r.Url, SuspectKind.Website, SuspectSources.PublicReport, null, r.Description, null, null, city, 60), ct);
            return TypedResults.Ok(new { received = true, known = added.Existing });
        }).RequireRateLimiting(WebWatchModule.PublicRateLimit).WithSummary("公众举报仿冒查询网站：网址、所在城市、说明；与公众查询同样限频");
        return api;
    }
}
