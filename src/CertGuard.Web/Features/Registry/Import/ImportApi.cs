using System.Security.Claims;
using CertGuard.Core;
using CertGuard.Data;
using CertGuard.Data.Registry.Import;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// <c>POST /api/v1/certificates/imports</c> (multipart: <c>file</c>, <c>partial</c>) imports a CSV or xlsx file and
/// answers the report; <c>GET /api/v1/certificates/imports/template</c> is the blank template.
/// </summary>
public static class ImportApi
{
    /// <summary>A million-row CSV is about 150 MB.</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/certificates/imports").WithTags("批量导入 Import").RequireAuthorization(ImportAccess.Policy);
        group.MapPost("/", ImportAsync)
            .DisableAntiforgery() // checked by hand for cookie sign-ins; API keys carry no cookie to forge
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportResponse>(StatusCodes.Status200OK)
            .Produces<ImportResponse>(StatusCodes.Status422UnprocessableEntity)
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .WithSummary("导入证书（CSV：UTF-8 或 GB18030；xlsx）。先校验整个文件：全部正确才写入（200）；有错误行时不写入并逐行报告（422）；partial=true 只写入正确的行（200）。重复导入同一文件不改变数据。大文件（超过 Uploads:BackgroundImportRows 行）转为后台任务：202 Accepted，Location 指向任务，轮询其进度与结果。");
        group.MapGet("/{jobId:guid}", JobAsync).WithSummary("后台导入任务：queued、running（rowsDone / rowsTotal）、done（result 为导入报告，resultStatus 为 200 或 422）或 failed（failure：代码与原因，未写入任何数据）");
        group.MapGet("/template", TemplateAsync).WithSummary("下载导入模板：format=xlsx（含填写说明、目录、城市代码）或 csv（仅表头）");
        return api;
    }

    private static async Task<Results<JsonHttpResult<ImportResponse>, Accepted<ImportJobResponse>, ProblemHttpResult>> ImportAsync(
        HttpContext http, ClaimsPrincipal user, [FromServices] ImportSubmission submission, [FromServices] ImportJobQueue queue, [FromServices] IAntiforgery antiforgery,
        CancellationToken ct)
    {
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(http))
            return Problems.BadRequest("ANTIFORGERY", "请求缺少有效的防伪令牌，请从导入页面上传。");
        if (!http.Request.HasFormContentType)
            return Problems.BadRequest("IMPORT-FILE-REQUIRED", "请以 multipart/form-data 上传文件（字段名 file）。");
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return Problems.BadRequest("IMPORT-FILE-REQUIRED", "请上传要导入的文件（字段名 file）。");
        var partial = bool.TryParse(form["partial"], out var p) && p;
        _ = ImportAccess.MayImport(user, out var city);
        try
        {
            var (done, job) = await submission.SubmitAsync(file, partial, city, user.Identity!.Name!, ct);
            if (done is not { } report)
            {
                var queued = job ?? throw new InvalidOperationException("An import is either done or queued.");
                return TypedResults.Accepted($"/api/v1/certificates/imports/{queued.Id}", ImportJobResponse.From(queued, queue));
            }
            return TypedResults.Json(ImportResponse.From(report), statusCode: report.Written == 0 && !report.AllGood
                ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
        }
        catch (ImportFileException e)
        {
            return Problems.BadRequest(e.Code, e.Message);
        }
    }

    private static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> JobAsync(
        Guid jobId, ClaimsPrincipal user, CertGuardDbContext db, ImportJobQueue queue, CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !ImportJobResponse.MayRead(user, job)) throw Refusal.NotFound("IMPORT-JOB-NOT-FOUND");
        return TypedResults.Ok(ImportJobResponse.From(job, queue));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateAsync(string? format, CancellationToken ct)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            return Problems.BadRequest("FORMAT-UNKNOWN", "format 只能是 xlsx 或 csv。");
        using var buffer = new MemoryStream();
        if (csv) await ImportTemplate.WriteCsvAsync(buffer, ct);
        else ImportTemplate.WriteXlsx(buffer);
        return TypedResults.File(buffer.ToArray(), csv ? "text/csv; charset=utf-8" : ExportMedia.Xlsx, csv ? "证书导入模板.csv" : "证书导入模板.xlsx");
    }
}

/// <summary>The import report as the API answers it.</summary>
public sealed record ImportResponse(
    string File, int Rows, int Written, int Unchanged, int Rejected, bool Partial, bool Committed,
    IReadOnlyList<ImportIssueResponse> Issues, bool IssuesTruncated)
{
    public static ImportResponse From(ImportReport r) => new(
        r.File, r.Rows, r.Written, r.Unchanged, r.Rejected, r.Partial, r.Written > 0,
        r.Issues.Select(i => new ImportIssueResponse(i.Row, i.Column, i.Code, i.Message)).ToList(), r.IssuesTruncated);
}

/// <summary>One reason a row was rejected: the row as the spreadsheet numbers it (header = 1), the column's header, a code and the reason.</summary>
public sealed record ImportIssueResponse(int Row, string? Column, string Code, string Message);
