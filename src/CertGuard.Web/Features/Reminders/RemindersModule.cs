using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Reminders;

/// <summary>Review reminders and the daily job that marks overdue certificates invalid.</summary>
public sealed class RemindersModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddReminders(configuration);

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapRemindersApi();

    public static IEnumerable<NavEntry> Navigation =>
        [new("/registry/reminders", RemindersApi.RemindersPolicy, "Nav.Reminders", 50, "reminders")];
}
