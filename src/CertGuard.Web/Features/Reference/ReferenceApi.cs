using CertGuard.Core.Catalogue;
using CertGuard.Core.Regions;

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
        group.MapGet("/catalogue", () => TypedResults.Ok(
                OperationCatalogue.Current.Categories
                    .Select(c => new CategoryResponse(c.Code, c.Name, OperationCatalogue.Current.ItemsOf(c.Code).Select(i => new ItemResponse(i.Code, i.Name)).ToList()))
                    .ToList()))
            .WithSummary("特种作业目录：作业类别及准操项目");
        return api;
    }
}
