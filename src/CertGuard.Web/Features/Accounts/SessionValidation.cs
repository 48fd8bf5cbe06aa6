using System.Security.Claims;
using CertGuard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Accounts;

/// <summary>
/// Every request with a sign-in cookie checks the account's security stamp against the one in the cookie: sign-out
/// (or a password change) renews the stamp, so the session ends on the server and a copied cookie is refused at once.
/// One indexed read per request, and no cookie is reissued (unlike Identity's interval validator).
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        string? current = null;
        if (id is not null && stamp is not null)
        {
            var db = services.GetRequiredService<CertGuardDbContext>();
            current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        }
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
