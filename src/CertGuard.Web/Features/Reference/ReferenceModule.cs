using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Reference;

/// <summary>Reference data (regions, the catalogue of operations), public.</summary>
public sealed class ReferenceModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapReferenceApi();
}
