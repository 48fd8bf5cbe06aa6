using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Verification.Signals;

/// <summary>The offices' queue of signals and the inspection leads made from them.</summary>
public sealed class SignalsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddSignalDesk();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapSignalsApi();

    public static IEnumerable<NavEntry> Navigation => [new("/signals", SignalDesk.Policy, "Signals.Nav", 60, "signals")];
}
