using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Credentials;

/// <summary>The signed QR (CG1): a certificate's QR, online verification, and the public trust and status lists.</summary>
public sealed class CredentialsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddCredentials();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapCredentialApi();

    public static void MapRoutes(IEndpointRouteBuilder app) => app.MapWellKnownCredentials();
}
