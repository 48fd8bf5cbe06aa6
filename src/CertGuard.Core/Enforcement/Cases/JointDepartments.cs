using CertGuard.Core.Accounts;

namespace CertGuard.Core.Enforcement.Cases;

/// <summary>The departments of a city a case may invite (联合查案): they then read it and add records.</summary>
public static class JointDepartments
{
    public static IReadOnlyList<Role> All { get; } = [Role.Police, Role.MarketRegulation, Role.Cyberspace];

    public static bool Includes(Role role) => All.Contains(role);

    public static Role? Find(string? id) => All.FirstOrDefault(r => r.Id == id);
}
