using System.ComponentModel.DataAnnotations;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Accounts;

public sealed class SignInModel(SignInManager<Account> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = localizer["SignIn.Missing"];
            return Page();
        }
        // Lockout counts failures: five wrong passwords lock the account for 15 minutes.
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/registry");
        Error = result.IsLockedOut ? localizer["SignIn.LockedOut"] : localizer["SignIn.Failed"];
        return Page();
    }
}
