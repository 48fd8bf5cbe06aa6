using System.Security.Claims;
using CertGuard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertGuard.Web.Features.Accounts;

/// <summary>Adds the account's region and organisation to its sign-in, so every request knows its scope.</summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisation)
            identity.AddClaim(new Claim(AccountClaims.Organisation, organisation.ToString()));
        return identity;
    }
}
