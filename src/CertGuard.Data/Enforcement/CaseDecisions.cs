namespace CertGuard.Data.Enforcement;

/// <summary>
/// What other modules learn when an administrative case is decided or handed to the police: tips compute their reward
/// from it, web watch and leads follow it. Raised by the cases module inside the same unit of work as the decision.
/// </summary>
/// <param name="CaseId">The case decided.</param>
/// <param name="LeadIds">The leads the case was opened from (their <c>SourceId</c> names the tip, suspect, finding…).</param>
/// <param name="RegionCode">The city that decided.</param>
/// <param name="FineYuan">Total fines decided (person and organisation lines), 0 when none.</param>
/// <param name="CriminalFiling">True when the police filed a criminal case from the transfer (立案).</param>
/// <param name="MajorHiddenHazard">True when the decision records a major hidden hazard (重大事故隐患).</param>
/// <param name="DecidedAt">When the decision was made.</param>
public sealed record CaseDecided(
    Guid CaseId,
    IReadOnlyList<Guid> LeadIds,
    string RegionCode,
    decimal FineYuan,
    bool CriminalFiling,
    bool MajorHiddenHazard,
    DateTimeOffset DecidedAt);

/// <summary>
/// Registered in DI by modules that act on case outcomes. Listeners add their own changes to the given context; the
/// cases module saves once, so a decision and its consequences land together or not at all.
/// </summary>
public interface ICaseDecisionListener
{
    Task OnDecidedAsync(CertGuardDbContext db, CaseDecided decision, CancellationToken ct);
}
