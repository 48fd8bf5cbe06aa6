using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CertGuard.Core.Time;
using CertGuard.Data.Accounts;
using CertGuard.Web.Features.Verification.PublicQuery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Accounts;

public sealed class SignInModel(
    SignInManager<Account> signIn, UserManager<Account> users, IPasswordHasher<Account> hasher, SignInThrottle throttle,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    // Verified when the user name is unknown, so an unknown name costs the same hashing as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString()));

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

    /// <summary>The account is a self-registered employer's, waiting for its city office's approval.</summary>
    public bool AwaitingApproval { get; private set; }

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
        var name = UserName.Trim();
        var address = PublicQueryRateLimits.AddressKey(HttpContext.Connection.RemoteIpAddress);
        // Throttled by what was typed, before any lookup: the same answer whether or not the account exists.
        if (throttle.BlockedUntil(address, name) is { } until) return Throttled(until);

        var account = await users.FindByNameAsync(name);
        var succeeded = false;
        if (account is null)
        {
            hasher.VerifyHashedPassword(new Account(), DummyHash.Value, Password);
        }
        else
        {
            // No lockout on failure: the throttle slows guessing, and nobody can lock another's account (or its keys).
            var check = await signIn.CheckPasswordSignInAsync(account, Password, lockoutOnFailure: false);
            succeeded = check.Succeeded;
            // The only lock is the one a self-registered employer waits under until its city office approves it. Told
            // only to whoever knows the password, so the name alone reveals nothing.
            if (check.IsLockedOut && account.LockoutEnd == Employers.EmployerRegistrar.PendingLockout && await users.CheckPasswordAsync(account, Password))
            {
                throttle.Succeeded(name);
                AwaitingApproval = true;
                Error = localizer["SignIn.AwaitingApproval"];
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            }
        }
        if (succeeded)
        {
            throttle.Succeeded(name);
            await signIn.SignInAsync(account!, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Workbench.Landing.Path);
        }
        throttle.Failed(address, name);
        if (throttle.BlockedUntil(address, name) is { } next) return Throttled(next);
        Error = localizer["SignIn.Failed"];
        return Page();
    }

    private PageResult Throttled(DateTimeOffset until)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
        Error = localizer["SignIn.Throttled", ChinaTime.ToChina(until).ToString("HH:mm:ss", CultureInfo.InvariantCulture), seconds];
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Page();
    }
}
