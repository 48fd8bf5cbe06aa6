using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Exchange;

/// <summary>Exchange with the national platform: the change feed and certificates pushed from other provinces.</summary>
public sealed class ExchangeModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddExchange();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapExchangeApi();
}
