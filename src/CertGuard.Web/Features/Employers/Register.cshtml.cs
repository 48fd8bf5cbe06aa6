using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// /employers/register: an employer registers itself (its account waits for the city office's approval), or a city
/// office registers an employer of its city directly (approved at once). Other signed-in accounts may not.
/// </summary>
[EnableRateLimiting(RegistrationLimit.Policy)]
public sealed class RegisterModel(EmployerRegistrar registrar) : PageModel, IShowsRefusals
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? CreditCode { get; set; }

    [BindProperty]
    public string? City { get; set; }

    [BindProperty]
    public string? Industry { get; set; }

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public string? ErrorCode { get; private set; }

    /// <summary>The name of the employer just registered.</summary>
    public string? Registered { get; private set; }

    /// <summary>The city office registering directly: its city is fixed.</summary>
    public string? OfficeCity => ByOffice ? User.ToScope().CityCode : null;

    public bool ByOffice => User.ToScope().Role == Role.CityOffice;

    public IActionResult OnGet() => Allowed() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Allowed()) return Forbid();
        var details = new EmployerDetails(Name ?? "", CreditCode ?? "", OfficeCity ?? City ?? "", Industry ?? "", ContactName ?? "", ContactPhone ?? "");
        var organisation = await registrar.RegisterAsync(new EmployerRegistration(details, UserName ?? "", Password ?? ""), ct);
        Registered = organisation.Name;
        return Page();
    }

    /// <summary>The form again with what was typed (but the password), the refusal above it.</summary>
    public Task<IActionResult> ShowRefusalAsync(DomainRuleException refusal, CancellationToken ct)
    {
        (ErrorCode, Error) = (refusal.Code, refusal.Message);
        return Task.FromResult<IActionResult>(Page());
    }

    /// <summary>Anyone not signed in (self-registration), or a city office.</summary>
    private bool Allowed() => User.Identity?.IsAuthenticated != true || ByOffice;
}
