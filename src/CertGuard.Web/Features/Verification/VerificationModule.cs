using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Verification;

/// <summary>The verification log (writer, retention, signal rules) and the public verify page.</summary>
public sealed class VerificationModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddVerification(configuration);

    public static void MapEndpoints(RouteGroupBuilder api)
    {
    }

    public static void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/Verification/Verify");

    public static IEnumerable<NavEntry> Navigation => [new("/verify", null, "Nav.Verify", 20, "verify")];
}
