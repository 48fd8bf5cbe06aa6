using CertGuard.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Infrastructure;

/// <summary>Turns failures under /api into problem details with a stable code and a Chinese message.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiPaths.IsApi(context.Request)) return false;
        switch (exception)
        {
            case DomainRuleException rule:
                await Problems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, rule.Code, rule.Message);
                return true;
            case DbUpdateConcurrencyException:
                await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "CONCURRENT-CHANGE", "该记录已被他人修改，请刷新后重试。");
                return true;
            case BadHttpRequestException bad:
                await Problems.WriteAsync(context, bad.StatusCode, "BAD-REQUEST", "请求格式不正确。", bad.Message);
                return true;
            default:
                logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
                await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "INTERNAL-ERROR", "服务器内部错误，请稍后重试。");
                return true;
        }
    }
}

internal static class ApiPaths
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Status codes without a body (404 of an unknown route, 405 …) become problems too.</summary>
    public static async Task WriteStatusProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!IsApi(http.Request)) return;
        var (code, title) = http.Response.StatusCode switch
        {
            400 => ("BAD-REQUEST", "请求格式不正确，请检查参数与请求体。"),
            404 => ("NOT-FOUND", "请求的资源不存在。"),
            405 => ("METHOD-NOT-ALLOWED", "不支持该请求方法。"),
            401 => ("UNAUTHENTICATED", "请先登录或提供有效的 API 密钥。"),
            403 => ("FORBIDDEN", "您的账号无权访问该资源。"),
            415 => ("UNSUPPORTED-MEDIA-TYPE", "不支持的内容类型。"),
            _ => ("HTTP-" + http.Response.StatusCode, "请求未能完成。"),
        };
        await Problems.WriteAsync(http, http.Response.StatusCode, code, title);
    }
}
