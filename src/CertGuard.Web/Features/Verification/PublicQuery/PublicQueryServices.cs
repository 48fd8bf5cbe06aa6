using CertGuard.Data.Settings;

namespace CertGuard.Web.Features.Verification.PublicQuery;

public static class PublicQueryServices
{
    public static IServiceCollection AddPublicQuery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PublicQueryOptions>(PublicQueryOptions.Section);
        // Which lookup is registered is decided here, so this one value is read before the options exist.
        if (configuration.GetSection(PublicQueryOptions.Section).GetValue<LookupSource>(nameof(PublicQueryOptions.Source)) == LookupSource.Memory)
        {
            services.AddSingleton<MemoryCertificateLookup>();
            services.AddHostedService(sp => sp.GetRequiredService<MemoryCertificateLookup>());
            services.AddSingleton<ICertificateLookup>(sp => sp.GetRequiredService<MemoryCertificateLookup>());
        }
        else
        {
            services.AddScoped<ICertificateLookup, DatabaseCertificateLookup>();
        }
        services.AddScoped<PublicAnswers>();
        services.AddScoped<PublicQueryService>();
        services.AddScoped<CertificateChecks>();
        services.AddScoped<QrCheckRecorder>();
        services.AddSingleton<QueryChallenges>();
        services.AddPublicQueryRateLimits();
        return services;
    }
}
