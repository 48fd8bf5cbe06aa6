using CertGuard.Data.Campaigns.Reports;
using CertGuard.Data.Settings;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Statistics;

/// <summary>The monthly report and statistics table (月报与统计表): the city's report, the province sheet, the deadlines.</summary>
public sealed class StatisticsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ReportOptions>(ReportOptions.Section);
        services.AddSettings<ReportDeadlineOptions>(ReportDeadlineOptions.Section);
        services.AddScoped<ReportDesk>();
        services.AddScoped<StatisticsSheet>();
        services.AddScoped<ReportDeadlines>();
        services.AddScoped<CertGuard.Data.Campaigns.PlanDeadlines>();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, ReportWorkItems>();
        services.AddSingleton<ReportDeadlineJob>();
        services.AddHostedService(s => s.GetRequiredService<ReportDeadlineJob>());
        services.AddStatisticsPolicy();
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapStatisticsApi();

    public static IEnumerable<NavEntry> Navigation => [new("/statistics", StatisticsAccess.Policy, "Statistics.Nav", 141, "statistics")];
}
