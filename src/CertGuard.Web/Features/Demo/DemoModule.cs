using CertGuard.Data.Settings;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Demo;

/// <summary>The database at start: migrations, signing keys, and the demo province when the database is empty.</summary>
public sealed class DemoModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddSettings<DemoOptions>(DemoOptions.Section);

    public static void MapEndpoints(RouteGroupBuilder api)
    {
    }
}
