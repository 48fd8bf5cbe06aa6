using CertGuard.Core;
using CertGuard.Core.Campaigns;
using CertGuard.Core.Campaigns.Reports;
using CertGuard.Data.Campaigns;
using CertGuard.Data.Campaigns.Reports;

namespace CertGuard.Web.Features.Statistics;

/// <summary>
/// <c>/api/v1/campaigns/{id}/statistics</c> (the province sheet, or one city's, as JSON or XLSX) and
/// <c>/api/v1/campaigns/{id}/reports/{city}/{month}</c> (a city's monthly report: figures, corrections, entries, text,
/// submission, the province's decision).
/// </summary>
public static class StatisticsApi
{
    public sealed record FigureRequest(decimal? Value, string? Reason, string? Note);

    public sealed record TextRequest(string? Text, int Version);

    public sealed record VersionRequest(int Version);

    public sealed record ReturnRequest(string? Reason, int Version);

    public static RouteGroupBuilder MapStatisticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns/{id:guid}").WithTags("统计表 Statistics").RequireAuthorization(StatisticsAccess.Policy);
        foreach (var status in new[] { 400, 403, 404, 409 }) group.ProducesProblem(status);

        group.MapGet("/statistics", async (Guid id, string? month, string? format, string? city, StatisticsSheet sheets, CancellationToken ct) =>
        {
            var sheet = await sheets.BuildAsync(id, StatisticsAccess.ParseMonth(month), string.IsNullOrEmpty(city) ? null : city, ct);
            return (format ?? "json").ToLowerInvariant() switch
            {
                "json" => Results.Ok(SheetResponse.From(sheet)),
                "xlsx" => Results.File(StatisticsXlsx.Write(sheet), StatisticsXlsx.ContentType, StatisticsXlsx.FileName(sheet, city)),
                _ => throw Refusal.Invalid("STATISTICS-FORMAT"),
            };
        }).WithSummary("统计表（month=YYYY-MM）：21 个地市按序加全省合计（比率由合计重算），当期与累计，报送状态与日期；已报送的用冻结数，其余为实时数。format=json|xlsx；city=只看一个地市（市安委办只能看本市）");

        var report = group.MapGroup("/reports/{city}/{month}");
        report.MapGet("/", async (Guid id, string city, string month, ReportDesk desk, CancellationToken ct) =>
            ReportResponse.From(await desk.ViewAsync(id, city, StatisticsAccess.ParseMonth(month), ct)))
            .WithSummary("地市月报（首次打开时创建）：逐项数字（计算值、更正值与理由、填报值与来源）、累计、工作情况与附件、状态");
        report.MapGet("/records/{code}", async (Guid id, string city, string month, string code, ReportDesk desk, CancellationToken ct) =>
        {
            var (view, records) = await desk.RecordsAsync(id, city, StatisticsAccess.ParseMonth(month), code, ct);
            var line = view.Lines.Single(l => l.Code == code);
            return new RecordsResponse(code, city, view.Report.PeriodStart, view.PeriodEnd, line.Computed, records is not null, records ?? []);
        }).WithSummary("某一数字背后的记录（穿透）：恰为计数的记录，每条可打开");
        report.MapPut("/figures/{code}", async (Guid id, string city, string month, string code, FigureRequest r, ReportDesk desk, StatisticsCalculator calculator, CancellationToken ct) =>
        {
            var m = StatisticsAccess.ParseMonth(month);
            if (StatisticsIndicators.Find(code) is { } indicator && ReportComposition.IsEntered(indicator, calculator.ComputedCodes))
                await desk.EnterAsync(id, city, m, code, r.Value, r.Note, ct);
            else
                await desk.CorrectAsync(id, city, m, code, r.Value, r.Reason, ct);
            return ReportResponse.From(await desk.ViewAsync(id, city, m, ct));
        }).WithSummary("市安委办更正计算数（value 与 reason，两个数都保留）或填报数（value 与 note 来源）；value 为空即撤销");
        report.MapPut("/text", async (Guid id, string city, string month, TextRequest r, ReportDesk desk, CancellationToken ct) =>
            StateResponse.From(await desk.WriteTextAsync(id, city, StatisticsAccess.ParseMonth(month), r.Text, r.Version, ct)))
            .WithSummary("月度工作情况（正文）");
        report.MapGet("/attachments/{attachmentId:guid}", async (Guid id, string city, string month, Guid attachmentId, ReportDesk desk, HttpContext http, CancellationToken ct) =>
        {
            var file = await desk.AttachmentAsync(id, city, StatisticsAccess.ParseMonth(month), attachmentId, ct);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).WithSummary("下载附件");
        report.MapPost("/submission", async (Guid id, string city, string month, VersionRequest r, ReportDesk desk, CancellationToken ct) =>
            StateResponse.From(await desk.SubmitAsync(id, city, StatisticsAccess.ParseMonth(month), r.Version, ct)))
            .WithSummary("报送（或退回后重报）：数字冻结于此刻（截止时点）；25日后报送记为逾期");
        report.MapPost("/return", async (Guid id, string city, string month, ReturnRequest r, ReportDesk desk, CancellationToken ct) =>
            StateResponse.From(await desk.ReturnAsync(id, city, StatisticsAccess.ParseMonth(month), r.Reason, r.Version, ct)))
            .WithSummary("省安委办退回（须写明理由）");
        report.MapPost("/acceptance", async (Guid id, string city, string month, VersionRequest r, ReportDesk desk, CancellationToken ct) =>
            StateResponse.From(await desk.AcceptAsync(id, city, StatisticsAccess.ParseMonth(month), r.Version, ct)))
            .WithSummary("省安委办采纳");
        return api;
    }
}
