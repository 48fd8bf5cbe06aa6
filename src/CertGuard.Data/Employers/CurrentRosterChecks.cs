using CertGuard.Core.Employers;

namespace CertGuard.Data.Employers;

/// <summary>
/// The current roster check of an employer. The database allows one (a unique partial index), but readers take the
/// newest current one rather than insist on a single row: a database restored from before the index, or written by
/// another tool, must not turn the oversight pages into errors.
/// </summary>
public static class CurrentRosterChecks
{
    public static IQueryable<RosterCheck> CurrentOf(this IQueryable<RosterCheck> checks, Guid organisationId) =>
        checks.Where(c => c.OrganisationId == organisationId && c.IsCurrent).OrderByDescending(c => c.At);

    /// <summary>One current check per employer (the newest) from a list that may hold more.</summary>
    public static Dictionary<Guid, RosterCheck> NewestByEmployer(this IEnumerable<RosterCheck> checks) =>
        checks.GroupBy(c => c.OrganisationId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.At)!);
}
