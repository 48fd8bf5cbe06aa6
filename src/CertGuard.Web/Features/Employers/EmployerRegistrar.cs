using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Employers;
using CertGuard.Core.Organisations;
using CertGuard.Data;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Web.Features.Employers;

/// <summary>What a registration form gives: the employer's details and its first account.</summary>
public sealed record EmployerRegistration(EmployerDetails Details, string UserName, string Password);

/// <summary>
/// Employer accounts: self-registration creates a pending employer whose account stays locked until the city office
/// of its city approves it (or rejects it with a reason); a city office may also register an employer directly,
/// approved at once. One registration per unified social credit code.
/// </summary>
public sealed class EmployerRegistrar(CertGuardDbContext db, UserManager<Account> users, RoleManager<IdentityRole> roles, TimeProvider clock, IActor actor)
{
    /// <summary>Locked "until" this while the registration waits: Identity has no other notion of a disabled account.</summary>
    public static readonly DateTimeOffset PendingLockout = new(2999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A signed-in actor is an office registering the employer directly (approved at once); an anonymous visitor
    /// registers its own employer (pending), recorded as <c>self:</c> and the user name it chose.
    /// </summary>
    public async Task<Organisation> RegisterAsync(EmployerRegistration registration, CancellationToken ct)
    {
        var office = actor.IsSignedIn ? actor.Scope : null;
        var details = registration.Details.Normalised();
        details.Validate();
        if (office is not null && (!EmployerAccess.IsOffice(office) || (office.CityCode is { } city && city != details.RegionCode)))
            throw Refusal.Forbidden("EMPLOYER-CITY-SCOPE");
        var userName = registration.UserName.Trim();
        CheckUserName(userName);
        if (await db.Organisations.AnyAsync(o => o.CreditCode == details.CreditCode, ct))
            throw Refusal.Conflict("EMPLOYER-USCC-TAKEN");
        await CheckPasswordAsync(registration.Password);

        var organisation = Organisation.RegisterEmployer(details, byOffice: office is not null,
            office is not null ? actor.Name : $"self:{userName}", clock.GetUtcNow());
        var account = new Account
        {
            UserName = userName, DisplayName = $"{details.Name} {details.ContactName}", RoleId = Role.Employer.Id, RegionCode = details.RegionCode,
            OrganisationId = organisation.Id, EmailConfirmed = true, LockoutEnabled = true, LockoutEnd = office is null ? PendingLockout : null,
            PhoneNumber = details.ContactPhone,
        };
        var role = await roles.FindByNameAsync(Role.Employer.Id) ?? throw new InvalidOperationException("The employer role is missing.");
        var link = new IdentityUserRole<string> { UserId = account.Id, RoleId = role.Id };
        db.Organisations.Add(organisation);
        db.UserRoles.Add(link);
        // One save: Identity's CreateAsync writes the organisation and the role link with the account, or nothing.
        var created = await users.CreateAsync(account, registration.Password);
        if (!created.Succeeded)
        {
            db.Entry(organisation).State = EntityState.Detached;
            db.Entry(link).State = EntityState.Detached;
            throw Refusal.Invalid("EMPLOYER-ACCOUNT", ("reasons", string.Join(" ", created.Errors.Select(e => e.Description))));
        }
        return organisation;
    }

    /// <summary>Approves a pending registration the office oversees and unlocks its accounts; null when there is none.</summary>
    public async Task<Organisation?> ApproveAsync(Guid id, CancellationToken ct)
    {
        if (await PendingAsync(id, ct) is not { } organisation) return null;
        organisation.Approve(actor.Name, clock.GetUtcNow());
        foreach (var account in await db.Users.Where(u => u.OrganisationId == id).ToListAsync(ct)) account.LockoutEnd = null;
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    /// <summary>Rejects a pending registration with a reason; its accounts stay locked. Null when there is none.</summary>
    public async Task<Organisation?> RejectAsync(Guid id, string reason, CancellationToken ct)
    {
        if (await PendingAsync(id, ct) is not { } organisation) return null;
        organisation.Reject(reason, actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    private Task<Organisation?> PendingAsync(Guid id, CancellationToken ct) =>
        actor.Scope is not { } office || EmployerAccess.IsEmployer(office) ? Task.FromResult<Organisation?>(null)
            : EmployerAccess.Overseen(db, office).SingleOrDefaultAsync(o => o.Id == id && o.Approval == OrganisationApproval.Pending, ct);

    private static void CheckUserName(string userName)
    {
        if (userName.Length is < 3 or > 32 || userName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-')))
            throw Refusal.Invalid("EMPLOYER-USERNAME");
    }

    private async Task CheckPasswordAsync(string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, null!, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0) throw Refusal.Invalid("EMPLOYER-PASSWORD", ("reasons", string.Join(" ", errors)));
    }
}
