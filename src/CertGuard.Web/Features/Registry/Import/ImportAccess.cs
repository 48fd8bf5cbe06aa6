using System.Security.Claims;
using CertGuard.Core.Accounts;
using CertGuard.Core.Regions;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// Who may import (DESIGN §2: bulk import is the issuing authority's; the province office may load for any city) and
/// for which city: an authority only its own, the province office any.
/// </summary>
public static class ImportAccess
{
    public const string Policy = "certificate-import";

    /// <summary>True when the account may import; <paramref name="city"/> is its city, or null for the whole province.</summary>
    public static bool MayImport(ClaimsPrincipal user, out string? city)
    {
        var scope = user.ToScope();
        city = null;
        if (scope.Role == Role.ProvinceOffice) return true;
        if (scope.Role != Role.IssuingAuthority || !RegionDirectory.Guangdong.IsCity(scope.RegionCode)) return false;
        city = scope.RegionCode;
        return true;
    }

    public static bool MayImport(ClaimsPrincipal user) => MayImport(user, out _);

    public static IServiceCollection AddCertificateImport(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section);
        services.AddSingleton<SpreadsheetGate>();
        services.AddSingleton<ImportJobQueue>();
        services.AddScoped<ImportSubmission>();
        services.AddSingleton<ImportJobRunner>();
        services.AddHostedService(s => s.GetRequiredService<ImportJobRunner>());
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => MayImport(c.User)));
        return services;
    }
}
