using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.ApiDocs;

/// <summary>One operation of the API as the reference lists it.</summary>
public sealed record ApiOperation(string Method, string Path, string? Summary, string? Description, bool Public,
    IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<int> Statuses)
{
    public string Anchor => (Method + Path).ToLowerInvariant().Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
}

public sealed record ApiParameter(string Name, string Where, string Type, bool Required);

/// <summary>
/// The API reference, from the endpoint descriptions the OpenAPI document is made of: each operation under its tag,
/// with its summary, parameters, answers and whether it needs an account or API key.
/// </summary>
public sealed class IndexModel(IApiDescriptionGroupCollectionProvider descriptions) : PageModel
{
    public IReadOnlyList<IGrouping<string, ApiOperation>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .Select(d => (Tag: Tag(d), Operation: Describe(d)))
            .OrderBy(p => p.Tag, StringComparer.Ordinal).ThenBy(p => p.Operation.Path, StringComparer.Ordinal).ThenBy(p => p.Operation.Method, StringComparer.Ordinal)
            .GroupBy(p => p.Tag, p => p.Operation)
            .ToList();
    }

    private static string Tag(ApiDescription d) =>
        d.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? d.GroupName ?? "API";

    private static ApiOperation Describe(ApiDescription d)
    {
        var metadata = d.ActionDescriptor.EndpointMetadata;
        return new ApiOperation(
            d.HttpMethod ?? "GET", "/" + d.RelativePath,
            metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary,
            metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description,
            metadata.OfType<IAllowAnonymous>().Any(),
            d.ParameterDescriptions
                .Where(p => p.Source.Id is "Path" or "Query" or "Header" or "Form" or "FormFile")
                .Select(p => new ApiParameter(p.Name, p.Source.Id, TypeName(p.Type), p.IsRequired)).ToList(),
            d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order().ToList());
    }

    private static string TypeName(Type? type)
    {
        if (type is null) return "";
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.Name switch
        {
            "String" => "string", "Int32" or "Int64" => "integer", "Boolean" => "boolean", "Guid" => "uuid",
            "DateOnly" => "date", "DateTimeOffset" => "date-time", "IFormFile" => "file", _ => inner.Name,
        };
    }
}
