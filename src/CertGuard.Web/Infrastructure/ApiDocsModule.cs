using CertGuard.Web.Infrastructure.Modules;
using Scalar.AspNetCore;

namespace CertGuard.Web.Infrastructure;

/// <summary>The OpenAPI document of the API and its reference page, public.</summary>
public sealed class ApiDocsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CertGuard API";
            document.Info.Description = "特种作业操作证综合治理平台 API。错误以 RFC 9457 problem details 返回，含稳定的 code 字段与中文说明。";
            return Task.CompletedTask;
        }));

    public static void MapEndpoints(RouteGroupBuilder api)
    {
    }

    public static void MapRoutes(IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("CertGuard API 参考").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
    }

    public static IEnumerable<NavEntry> Navigation => [new("/api/reference", null, "Nav.Api", 140, "api")];
}
