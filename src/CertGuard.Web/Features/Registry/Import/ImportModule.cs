using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>Bulk import of certificates (CSV, xlsx) by issuing authorities and the province office.</summary>
public sealed class ImportModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddCertificateImport();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapImportApi();
}
