using CertGuard.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertGuard.Web.Features.Accounts;

/// <summary>Accounts: sign-in (cookies and API keys), the acting user, the shared policies, API keys.</summary>
public sealed class AccountsModule : IFeatureModule
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddCertGuardAccounts();

    public static void MapEndpoints(RouteGroupBuilder api) => api.MapApiKeysApi();

    public static void ConfigurePages(PageConventionCollection pages) => pages
        .AllowAnonymousToPage("/Accounts/SignIn")
        .AllowAnonymousToPage("/Accounts/SignOut")
        .AllowAnonymousToPage("/Accounts/Denied");
}
