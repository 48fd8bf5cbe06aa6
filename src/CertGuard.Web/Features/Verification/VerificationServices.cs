using CertGuard.Data.Verification;
using CertGuard.Web.Features.Verification.Signals;

namespace CertGuard.Web.Features.Verification;

public static class VerificationServices
{
    public static IServiceCollection AddVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<VerificationLog>();
        services.AddSingleton<VerificationLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<VerificationLogWriter>());
        services.Configure<VerificationLogOptions>(configuration.GetSection(VerificationLogOptions.Section));
        services.AddSingleton<VerificationRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<VerificationRetention>());
        services.Configure<SignalOptions>(configuration.GetSection(SignalOptions.Section));
        services.AddScoped<SignalDetector>();
        services.Configure<NameCheckLimitOptions>(configuration.GetSection(NameCheckLimitOptions.Section));
        services.AddScoped<NameCheckLimits>();
        services.AddSignalDesk();
        return services;
    }
}
