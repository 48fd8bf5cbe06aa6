using CertGuard.Core.Catalogue;
using CertGuard.Core.Regions;
using CertGuard.Data.ReferenceData;

namespace CertGuard.Web.Features.Reference;

/// <summary>Public reference data: the regions and the operations catalogue.</summary>
public static class ReferenceApi
{
    public sealed record RegionResponse(string Code, string Name, string NameEn, string Level);

    public sealed record CategoryResponse(string Code, string Name, IReadOnlyList<ItemResponse> Items);

    public sealed record ItemResponse(string Code, string Name);

    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reference").WithTags("参考数据 Reference").AllowAnonymous();
        group.MapGet("/regions", () => TypedResults.Ok(
                RegionDirectory.Guangdong.Cities.Prepend(RegionDirectory.Guangdong.Province)
                    .Select(r => new RegionResponse(r.Code, r.Name, r.NameEn, r.Level.ToString())).ToList()))
            .WithSummary("广东省及21个地级以上市的行政区划代码");
        // The catalogue in force today: what may be issued now (older items keep their names in the registry).
        group.MapGet("/catalogue", (ReferenceDataProvider reference) => TypedResults.Ok(Catalogue(reference.Today.Catalogue)))
            .WithSummary("今天施行的特种作业目录：作业类别及准操项目（停止发证的项目不列出）");
        return api;
    }

    private static List<CategoryResponse> Catalogue(OperationCatalogue catalogue) =>
        catalogue.Categories
            .Select(c => new CategoryResponse(c.Code, c.Name, catalogue.ItemsOf(c.Code).Where(i => !i.Withdrawn).Select(i => new ItemResponse(i.Code, i.Name)).ToList()))
            .ToList();
}
