using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Infrastructure;

/// <summary>
/// The OpenAPI document of the API and its reference page (/api/reference), public. The page is the site's own,
/// drawn on the server from the same endpoint descriptions as the document: no external host, script or font, and
/// linked from the footer rather than the public navigation (it is for integrators, not for the public).
/// </summary>
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

    public static void MapRoutes(IEndpointRouteBuilder app) =>
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

    public static void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/ApiDocs/Index");
}
