using CertGuard.Core.Accounts;

namespace CertGuard.Data.Enforcement.Transfers;

/// <summary>
/// Who does what with a transfer: the city's enforcement reports and contests, its head approves, the police of the
/// city decide and count, the city office and the province office read (the province all cities, read-only).
/// </summary>
public static class TransferAccess
{
    public const string Policy = "transfers";

    public static bool MayRead(AccessScope? scope) => scope is { } s
        && (s.Role == Role.Inspector || s.Role == Role.EnforcementLead || s.Role == Role.CityOffice || s.Role == Role.ProvinceOffice || s.Role == Role.Police);

    /// <summary>The agency's side: report, complete the package, send, contest a refusal.</summary>
    public static bool MayWork(AccessScope? scope) => scope is { } s && (s.Role == Role.Inspector || s.Role == Role.EnforcementLead);

    /// <summary>The agency head's approval (执法负责人).</summary>
    public static bool MayApprove(AccessScope? scope) => scope is { } s && s.Role == Role.EnforcementLead;

    /// <summary>The public security bureau's desk: accept, decide, notify, answer, count, ask for assistance.</summary>
    public static bool IsPolice(AccessScope? scope) => scope is { } s && s.Role == Role.Police;

    /// <summary>Who sees the 以罚代刑 flags: the offices and the city's enforcement.</summary>
    public static bool SeesFlags(AccessScope? scope) => scope is { } s
        && (s.Role == Role.CityOffice || s.Role == Role.ProvinceOffice || s.Role == Role.Inspector || s.Role == Role.EnforcementLead);
}
