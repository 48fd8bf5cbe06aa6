using CertGuard.Data.Enforcement;
using CertGuard.Data.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CertGuard.Data.Tips;

public static class TipServices
{
    public static IServiceCollection AddTips(this IServiceCollection services)
    {
        services.AddSettings<TipOptions>(TipOptions.Section);
        services.AddSingleton<TipVault>();
        services.AddScoped<TipLeadFollower>();
        services.AddScoped<TipIntake>();
        services.AddScoped<TipFollowUp>();
        services.AddScoped<TipSuspectRaiser>();
        services.AddScoped<TipDesk>();
        services.AddScoped<TipRewardDesk>();
        services.AddScoped<TipStatistics>();
        services.AddScoped<Campaigns.IIndicatorSource, TipIndicators>();
        services.AddScoped<ICaseDecisionListener, TipRewardListener>();
        return services;
    }
}
