using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure.Modules;

namespace CertGuard.Web.Features.Enforcement.Documents;

/// <summary>
/// The rendering of case documents (A4 print layout and .docx) and a sample of each kind for the enforcement roles,
/// so the layout is checked before cases exist. The case module uses the same partial and writer for real documents.
/// </summary>
public sealed class EnforcementDocumentsModule : IFeatureModule
{
    public const string ReaderPolicy = "enforcement-documents";

    public static bool IsReader(System.Security.Claims.ClaimsPrincipal user) =>
        user.ToScope().Role is var role && (role == Role.Inspector || role == Role.EnforcementLead);

    public static void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsReader(c.User)));

    public static void MapEndpoints(RouteGroupBuilder api)
    {
    }
}
