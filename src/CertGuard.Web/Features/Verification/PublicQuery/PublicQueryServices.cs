using CertGuard.Data.Database;
using CertGuard.Data.Settings;

namespace CertGuard.Web.Features.Verification.PublicQuery;

public static class PublicQueryServices
{
    public static IServiceCollection AddPublicQuery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PublicQueryOptions>(PublicQueryOptions.Section);
        // Which lookup is registered is decided here, so this one value is read before the options exist.
        var source = configuration.GetSection(PublicQueryOptions.Section).GetValue<LookupSource>(nameof(PublicQueryOptions.Source));
        var postgres = configuration.GetSection(DatabaseOptions.Section).GetValue<DatabaseProvider>(nameof(DatabaseOptions.Provider)) == DatabaseProvider.Postgres;
        if (postgres)
        {
            services.AddSingleton<PublicQueryDataSource>();
            services.AddSingleton<NpgsqlCertificateLookup>();
        }
        if (source == LookupSource.Memory)
        {
            services.AddSingleton<MemoryCertificateLookup>();
            services.AddHostedService(sp => sp.GetRequiredService<MemoryCertificateLookup>());
            services.AddSingleton<ICertificateLookup>(sp => sp.GetRequiredService<MemoryCertificateLookup>());
        }
        else if (postgres && source == LookupSource.Database)
        {
            services.AddSingleton<ICertificateLookup>(sp => sp.GetRequiredService<NpgsqlCertificateLookup>());
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
