using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertGuard.Web.Features.Accounts;

public sealed class SignOutModel(SignInManager<Account> signIn, UserManager<Account> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends every session of the account on the server: a copy of the cookie stops working
        // at its next request (SessionValidation), not only this browser's.
        if (User.FindFirst(AccountClaims.ApiKeyId) is null && await users.GetUserAsync(User) is { } account)
            await users.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
