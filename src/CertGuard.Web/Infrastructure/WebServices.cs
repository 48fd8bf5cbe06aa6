using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using CertGuard.Web.Features.Accounts;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Scalar.AspNetCore;

namespace CertGuard.Web.Infrastructure;

public static class WebServices
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddCertGuardWeb(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Chinese text is written as characters, not as &#x…; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
            {
                // Pages live with their feature: Features/Registry/Index.cshtml is /registry.
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Registry", AccountServices.RegistryPolicy);
                o.Conventions.AuthorizeFolder("/Audit", AccountServices.AuditPolicy);
            })
            .AddViewLocalization();
        // Browsers that once reached the official site over HTTPS refuse a downgraded or spoofed plain-HTTP copy for a year.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddCertGuardForwardedHeaders();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CertGuard API";
            document.Info.Description = "特种作业操作证综合治理平台 API。错误以 RFC 9457 problem details 返回，含稳定的 code 字段与中文说明。";
            return Task.CompletedTask;
        }));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the visitor chose English (cookie or ?culture=en); the browser's language is not guessed.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseCertGuardPipeline(this WebApplication app)
    {
        // First: behind a TLS proxy the client's address and scheme come from the trusted proxy's headers (none by default).
        app.UseCertGuardForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", AllowStatusCode404Response = true });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseStatusCodePages(ApiPaths.WriteStatusProblem);
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: a signed-in account or API key has its own, higher public-query limit.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCertGuardPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("CertGuard API 参考").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapPost("/culture", (HttpContext context, [FromForm] string culture, [FromForm] string? returnUrl) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "zh-CN";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalUrls.IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
