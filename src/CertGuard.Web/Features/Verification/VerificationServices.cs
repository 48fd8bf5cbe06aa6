using CertGuard.Data.Settings;
using CertGuard.Data.Verification;

namespace CertGuard.Web.Features.Verification;

public static class VerificationServices
{
    public static IServiceCollection AddVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<VerificationLog>();
        services.AddSingleton<VerificationLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<VerificationLogWriter>());
        services.AddSettings<VerificationLogOptions>(VerificationLogOptions.Section);
        services.AddSingleton<VerificationRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<VerificationRetention>());
        services.AddSettings<SignalOptions>(SignalOptions.Section);
        services.AddScoped<SignalDetector>();
        services.AddSettings<NameCheckLimitOptions>(NameCheckLimitOptions.Section);
        services.AddScoped<NameCheckLimits>();
        return services;
    }
}
