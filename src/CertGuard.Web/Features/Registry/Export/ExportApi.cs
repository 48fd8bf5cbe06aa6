using System.Globalization;
using System.Security.Claims;
using CertGuard.Core.Certificates;
using CertGuard.Core.Time;
using CertGuard.Data.Registry.Export;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CertGuard.Web.Features.Registry.Export;

/// <summary>
/// <c>GET /api/v1/certificates/export?format=csv|xlsx&amp;q=&amp;city=&amp;category=&amp;status=&amp;idNumbers=masked|full</c>:
/// the registry search with the page's filters, as a file; scope as for the search, full numbers by role, audited.
/// </summary>
public static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/certificates/export", ExportAsync).WithTags("证书登记 Registry").RequireAuthorization(AccountServices.RegistryPolicy)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: ExportMedia.Xlsx)
            .WithSummary("导出检索结果为 CSV（UTF-8 带 BOM）或 xlsx；筛选条件同检索。idNumbers=full 仅发证机关与省安委办可用；每次导出记入审计日志。");
        return api;
    }

    private static async Task<Results<FileStreamHttpResult, PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        string? format, string? q, string? city, string? category, string? status, string? idNumbers,
        ClaimsPrincipal user, [FromServices] CertificateExporter exporter, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var kind = format?.ToLowerInvariant() switch
        {
            null or "" or "csv" => ExportFormat.Csv,
            "xlsx" => (ExportFormat?)ExportFormat.Xlsx,
            _ => null,
        };
        if (kind is null) return Problems.BadRequest("FORMAT-UNKNOWN", "format 只能是 csv 或 xlsx。");
        var full = string.Equals(idNumbers, "full", StringComparison.OrdinalIgnoreCase);
        if (!full && idNumbers is { Length: > 0 } && !string.Equals(idNumbers, "masked", StringComparison.OrdinalIgnoreCase))
            return Problems.BadRequest("ID-NUMBERS-UNKNOWN", "idNumbers 只能是 masked 或 full。");
        if (full && !ExportAccess.MayExportFullNumbers(user))
            return Problems.Forbidden("EXPORT-FULL-ID-FORBIDDEN", "您的账号只能导出脱敏的证号；完整证号请在证书详情页查看（查看将记入审计日志）。");
        CertificateState? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            var name = Enum.GetNames<CertificateState>().FirstOrDefault(n => string.Equals(n, status, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                return Problems.BadRequest("STATUS-UNKNOWN", "状态参数无效。", $"可用值：{string.Join(", ", Enum.GetNames<CertificateState>())}");
            state = Enum.Parse<CertificateState>(name);
        }

        var request = new ExportRequest(new RegistryFilter(q, city, category, state), kind.Value, full);
        try
        {
            await exporter.PrepareAsync(request, ct);
        }
        catch (ExportTooLargeException e)
        {
            return Problems.BadRequest("EXPORT-TOO-LARGE", e.Message);
        }
        var download = $"证书登记-{ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        if (request.Format == ExportFormat.Csv)
            return TypedResults.Stream(stream => exporter.WriteAsync(request, stream, ct), ExportMedia.Csv, download + ".csv");

        // MiniExcel writes synchronously, which the response body refuses: the workbook is built in a temporary file first.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await exporter.WriteAsync(request, file, ct);
        file.Position = 0;
        return TypedResults.File(file, ExportMedia.Xlsx, download + ".xlsx");
    }
}
