using CertGuard.Core.Accounts;

namespace CertGuard.Core.Enforcement;

/// <summary>
/// The departments of a city a lead may be referred to (<see cref="InspectionLead.ReferredTo"/>): the police, market
/// regulation and cyberspace by their role ids (they read what is referred to them), and industry and information
/// technology (经信), which has no account of its own yet and learns of it on paper.
/// </summary>
public static class LeadDepartments
{
    public static readonly string Police = Role.Police.Id;
    public static readonly string MarketRegulation = Role.MarketRegulation.Id;
    public static readonly string Cyberspace = Role.Cyberspace.Id;
    public const string IndustryIt = "industry-it";

    public static IReadOnlyList<string> All { get; } = [Police, MarketRegulation, Cyberspace, IndustryIt];

    public static bool IsKnown(string? department) => department is not null && All.Contains(department);
}
