using Microsoft.AspNetCore.Identity;
using CertGuard.Core.Auditing;

namespace CertGuard.Data.Accounts;

/// <summary>A signed-in user: one role, one region, and for most roles one organisation.</summary>
[Audited]
public sealed class Account : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The id of the account's role (<see cref="Core.Accounts.Role.Id"/>).</summary>
    public string RoleId { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public Guid? OrganisationId { get; set; }
}
