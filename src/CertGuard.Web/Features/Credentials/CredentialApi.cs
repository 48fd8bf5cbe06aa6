using CertGuard.Core;
using CertGuard.Core.Credentials;
using CertGuard.Core.Holders;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CertGuard.Web.Features.Credentials;

public static class CredentialApi
{
    public sealed record VerifyQrRequest(string? Text);

    /// <summary>The result of a QR check; the holder's ID number is masked, as on every public page.</summary>
    public sealed record VerifyQrResponse(bool Valid, string Stage, string Code, string Message, VerifiedCertificate? Certificate);

    public sealed record VerifiedCertificate(string MaskedNumber, string Name, string Sex, string Category, string Item, string ItemName,
        DateOnly ValidFrom, DateOnly ValidTo, DateOnly ReviewDue, string Authority);

    public static IServiceCollection AddCredentials(this IServiceCollection services)
    {
        services.AddOptions<CredentialOptions>().BindConfiguration(CredentialOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OnlineVerifier>();
        // PostgreSQL (where the public query's data source exists): one round trip per check, no DbContext; SQLite, or
        // Credentials:VerifyQr:UseEfCore (the path before, kept for comparison): EF Core.
        // A factory: its data source exists on PostgreSQL only, and the start's service validation (Development) must
        // not ask for it on SQLite.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<NpgsqlQrChecker>(sp));
        services.AddScoped<IQrChecker>(sp =>
            sp.GetService<PublicQueryDataSource>() is not null && !sp.GetRequiredService<IOptions<CredentialOptions>>().Value.VerifyQr.UseEfCore
                ? sp.GetRequiredService<NpgsqlQrChecker>()
                : new EfQrChecker(sp.GetRequiredService<OnlineVerifier>()));
        services.AddSingleton<VerifierCache>();
        services.AddSingleton<QrIssueGate>();
        services.AddSingleton<QrCheckLogFilter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure(o => o.AddPolicy<string, VerifyQrRateLimit>(VerifyQrRateLimit.Policy));
        return services;
    }

    public static RouteGroupBuilder MapCredentialApi(this RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        if (services.GetRequiredService<IOptions<CredentialOptions>>().Value.VerifyQr.ProfileStages)
        {
            QrStageProfile.Enabled = true;
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() =>
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QrStageProfile)).LogWarning("{Profile}", QrStageProfile.Summary()));
        }
        api.MapGet("/certificates/{key}/qr", QrAsync).WithTags("证书登记 Registry").RequireAuthorization(AccountServices.RegistryPolicy)
            .WithSummary("证书的签名二维码（含完整身份证号）：仅证书所在城市的发证机关和省安委办可获取，每次获取记入审计日志并按账号限频；" +
                "key 为证书 ID 或证书编号（持证人有多个作业项目时加 item=项目代码）；format=text（CG1 文本）、png 或 svg");
        api.MapPost("/verify/qr", async (VerifyQrRequest request, IQrChecker checker, QrCheckRecorder recorder, QrCheckLogFilter logFilter, HttpContext http, CancellationToken ct) =>
            {
                var started = QrStageProfile.Start();
                var check = await checker.CheckAsync(request.Text, ct);
                if (logFilter.ShouldLog(VerifyQrRateLimit.ClientKey(http), request.Text))
                {
                    if (check.RowRead) await recorder.RecordAsync(check.Result, check.Row, http, ct);
                    else await recorder.RecordAsync(check.Result, http, ct);
                }
                http.Response.Headers.CacheControl = "no-store";
                var response = ToResponse(check.Result);
                QrStageProfile.Add(QrStageProfile.Stage.Total, started);
                return TypedResults.Ok(response);
            })
            .RequireRateLimiting(VerifyQrRateLimit.Policy)
            .WithTags("核验 Verification").AllowAnonymous()
            .WithSummary("核验二维码文本：逐级检查并返回失败的环节、稳定代码与中文说明；按客户端限频，同一客户端重复核验同一二维码在时间窗内只记一次日志");
        return api;
    }

    public static VerifyQrResponse ToResponse(VerificationResult r) => new(r.Valid, r.Stage.ToString(), r.Code, r.Message,
        r.Claims is { } c
            ? new VerifiedCertificate(ResidentIdNumber.Mask(c.Number), c.Name, c.Sex == "M" ? "男" : "女", c.Category, c.Item,
                Registry.CertificateLabels.Item(c.Item), c.ValidFrom, c.ValidTo, c.ReviewDue, Registry.CertificateLabels.City(c.Authority))
            : null);

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> QrAsync(
        string key, string? item, string? format, CertGuardDbContext db, CredentialIssuer issuer, QrIssueGate gate, HttpContext http, CancellationToken ct)
    {
        // A QR carries the full ID number: sensitive, never cached on the way.
        http.Response.Headers.CacheControl = "no-store";
        var scope = http.User.ToScope();
        if (gate.Admit(scope, http.User.Identity?.Name ?? "") is { } refused) throw refused;
        // The scope filter applies: a certificate outside the account's region reads as not found.
        var query = db.Certificates.AsNoTracking();
        if (Guid.TryParse(key, out var id))
        {
            query = query.Where(c => c.Id == id);
        }
        else
        {
            var number = Registry.CertificateNumber.Normalize(key);
            query = query.Where(c => c.Number == number);
            if (!string.IsNullOrWhiteSpace(item)) query = query.Where(c => c.ItemCode == item.Trim());
        }
        var found = await query.Take(10).ToListAsync(ct);
        if (found.Count == 0) return Problems.NotFound("CERT-NOT-FOUND", "未找到该证书，或该证书不在您的管辖范围内。");
        if (found.Count > 1)
            return Problems.Create(StatusCodes.Status409Conflict, "CERT-AMBIGUOUS", "该证书编号下有多个作业项目的证书，请用 item 参数指定项目代码。",
                "项目代码：" + string.Join("、", found.Select(c => c.ItemCode).Order(StringComparer.Ordinal)));
        var certificate = found[0];
        if (!CredentialIssuer.Signs(certificate))
            return Problems.Create(StatusCodes.Status409Conflict, "CERT-FOREIGN", "该证书由外省发证机关签发，二维码请向原发证省份申领。");
        if (!QrIssueGate.MayIssue(scope, certificate)) throw Refusal.Forbidden("QR-ISSUE-FORBIDDEN");
        var kind = (format ?? "text").ToLowerInvariant();
        if (kind is not ("text" or "png" or "svg")) return Problems.BadRequest("QR-FORMAT", "format 只能是 text、png 或 svg。");
        var text = await issuer.QrTextAsync(certificate, ct);
        // Who obtained which certificate's full ID number, as for a reveal on the certificate's page.
        db.AddAuditEntry("view-full-id", nameof(Core.Certificates.Certificate), certificate.Id.ToString(), $"{{\"via\":\"qr-api\",\"format\":\"{kind}\"}}");
        await db.SaveChangesAsync(ct);
        return kind switch
        {
            "png" => TypedResults.File(QrImages.Png(text), "image/png"),
            "svg" => TypedResults.Content(QrImages.Svg(text), "image/svg+xml"),
            _ => TypedResults.Content(text, "text/plain; charset=utf-8"),
        };
    }
}

/// <summary>QR pictures of a CG1 text: alphanumeric mode (Base45 was chosen for it), error correction Q.</summary>
public static class QrImages
{
    public static byte[] Png(string text, int pixelsPerModule = 8) => new PngByteQRCode(Data(text)).GetGraphic(pixelsPerModule);

    public static string Svg(string text) => new SvgQRCode(Data(text)).GetGraphic(4);

    private static QRCodeData Data(string text)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
    }
}
