using CertGuard.Data.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.WebWatch;

public static class WebWatchServices
{
    public static IServiceCollection AddWebWatchData(this IServiceCollection services)
    {
        services.AddSettings<WebWatchOptions>(WebWatchOptions.Section);
        services.AddHttpClient(PageFetcher.ClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; CertGuard-WebWatch/1.0)"))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5, UseCookies = false });
        services.AddSingleton<DomainResolver>();
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<ScreenshotWorker>();
        services.AddSingleton<OfficialPage>();
        services.AddScoped<WebWatchDesk>();
        services.AddScoped<WebWatchMeasures>();
        return services;
    }
}
