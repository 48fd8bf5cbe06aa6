namespace CertGuard.Core.Employers;

/// <summary>
/// Whether an organisation may work on the platform. Bodies the platform sets up are approved from the start; an
/// employer that registers itself waits for the city office of its city.
/// </summary>
public enum OrganisationApproval
{
    Approved,
    /// <summary>Registered by the employer itself; its account stays locked until the city office approves.</summary>
    Pending,
    /// <summary>The city office refused the registration, with a reason.</summary>
    Rejected,
}
