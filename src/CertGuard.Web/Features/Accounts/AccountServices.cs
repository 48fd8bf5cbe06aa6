using CertGuard.Data;
using CertGuard.Data.Accounts;
using CertGuard.Data.Settings;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CertGuard.Web.Features.Accounts;

public static class AccountServices
{
    public const string RegistryPolicy = "registry";
    public const string AuditPolicy = "audit";
    private const string SelectScheme = "cookie-or-key";

    public static IServiceCollection AddCertGuardAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSettings<SignInThrottleOptions>(SignInThrottleOptions.Section);
        services.AddSettings<ApiKeyOptions>(ApiKeyOptions.Section);
        services.AddSingleton<SignInThrottle>();
        services.AddActor(sp => new HttpActor(sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddIdentity<Account, IdentityRole>(o =>
            {
                // Wrong passwords never lock an account (SignInThrottle slows them instead); a lockout end date is an
                // administrator disabling the account, which also stops its API keys.
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<CertGuardDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "certguard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            // The API answers 401/403 as problems instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = c => ApiPaths.IsApi(c.Request)
                ? Problems.WriteAsync(c.HttpContext, 401, "UNAUTHENTICATED", "请先登录或提供有效的 API 密钥。")
                : RedirectAsync(c);
            o.Events.OnRedirectToAccessDenied = c => ApiPaths.IsApi(c.Request)
                ? Problems.WriteAsync(c.HttpContext, 403, "FORBIDDEN", "您的账号无权访问该资源。")
                : RedirectAsync(c);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectScheme;
                o.DefaultAuthenticateScheme = SelectScheme;
                o.DefaultChallengeScheme = SelectScheme;
                o.DefaultForbidScheme = SelectScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(SelectScheme, "Cookie or API key", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);

        services.AddAuthorizationBuilder()
            // Safe by default: a page or endpoint with no policy of its own needs a signed-in account; the public ones
            // are marked anonymous on purpose (AllowAnonymous, a module's ConfigurePages), and a test lists them.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInOrNoEndpointRequirement()).Build())
            .AddPolicy(RegistryPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.ToScope().CanBrowseRegistry))
            .AddPolicy(AuditPolicy, p => p.RequireRole(Core.Accounts.Role.Auditor.Id, Core.Accounts.Role.ProvinceOffice.Id));
        return services;
    }

    private static Task RedirectAsync(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c)
    {
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}
