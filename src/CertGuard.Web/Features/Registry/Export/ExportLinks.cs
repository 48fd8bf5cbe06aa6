using CertGuard.Core.Certificates;
using Microsoft.AspNetCore.WebUtilities;

namespace CertGuard.Web.Features.Registry.Export;

/// <summary>The export of the search a registry page shows: its filters carried over to the export API.</summary>
public static class ExportLinks
{
    public static string For(string? q, string? city, string? category, CertificateState? status, string format, bool fullNumbers = false)
    {
        var query = new Dictionary<string, string?> { ["format"] = format };
        if (!string.IsNullOrWhiteSpace(q)) query["q"] = q;
        if (!string.IsNullOrEmpty(city)) query["city"] = city;
        if (!string.IsNullOrEmpty(category)) query["category"] = category;
        if (status is { } s) query["status"] = s.ToString();
        if (fullNumbers) query["idNumbers"] = "full";
        return QueryHelpers.AddQueryString("/api/v1/certificates/export", query);
    }
}
