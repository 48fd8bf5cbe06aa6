using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using CertGuard.Data.Settings;

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
                // Pages live with their feature: Features/Registry/Index.cshtml is /registry. Their authorization is
                // the feature module's (IFeatureModule.ConfigurePages); a page no module opens needs a signed-in account.
                o.RootDirectory = "/Features";
                // Refusals on every page: the same status as the API, the text in the page's alert.
                o.Conventions.ConfigureFilter(new RefusalPageFilter());
            })
            .AddViewLocalization();
        // Browsers that once reached the official site over HTTPS refuse a downgraded or spoofed plain-HTTP copy for a year.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddCertGuardForwardedHeaders();
        services.AddSettings<SiteOptions>(SiteOptions.Section);
        // Several instances (issue 16): the public limits count in memory, or in PostgreSQL shared by all instances.
        RateLimits.RateLimitStoreServices.AddRateLimitStore(services);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the visitor chose English (cookie or ?culture=en); the browser's language is not guessed.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CustomRequestCultureProvider(ReExecutedCultureAsync), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>An error page re-executed for a request that asked ?culture=en keeps that choice (re-execution drops the query).</summary>
    private static Task<ProviderCultureResult?> ReExecutedCultureAsync(HttpContext context)
    {
        var query = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalQueryString;
        var asked = string.IsNullOrEmpty(query) ? null : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).GetValueOrDefault("culture").ToString();
        return Task.FromResult(Cultures.Any(c => c.Name == asked) ? new ProviderCultureResult(asked) : null);
    }

    public static WebApplication UseCertGuardPipeline(this WebApplication app)
    {
        // First: behind a TLS proxy the client's address and scheme come from the trusted proxy's headers (none by default).
        app.UseCertGuardForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", AllowStatusCode404Response = true });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        // Pages: an error status with no body of its own shows the error page (in the visitor's language, with a way
        // back). The inner handler answers API paths first with RFC 9457 problems, so the re-execution never sees them.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Only for what a browser navigates to (GET, HEAD): a rejected form post (e.g. a forged one) keeps its bare status.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(context);
        });
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
        app.MapPost("/culture", (HttpContext context, [FromForm] string culture, [FromForm] string? returnUrl) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "zh-CN";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalUrls.IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
