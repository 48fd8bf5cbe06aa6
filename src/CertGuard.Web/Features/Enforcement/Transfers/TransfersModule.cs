using CertGuard.Data.Campaigns;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>
/// Transfers to the police (两法衔接): the list (/transfers) with the 以罚代刑 flags, each transfer's page with its
/// package, the police desk's decisions and counts, police assistance (协查), rows 34–40 of the statistics table.
/// </summary>
public sealed class TransfersModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TransferDesk>();
        services.AddScoped<IIndicatorSource, TransferIndicators>();
        services.AddScoped<CertGuard.Web.Features.Workbench.IWorkbenchItems, TransferWorkItems>();
        services.AddAuthorizationBuilder()
            .AddPolicy(TransferAccess.Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => TransferAccess.MayRead(c.User.ToScope())));
    }

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapTransfersApi();

    public static IEnumerable<NavEntry> Navigation =>
    [
        new("/transfers", TransferAccess.Policy, "Transfers.Nav", 67, "transfers"),
    ];
}
