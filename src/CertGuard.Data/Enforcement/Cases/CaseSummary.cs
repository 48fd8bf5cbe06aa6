using CertGuard.Core.Enforcement.Cases;

namespace CertGuard.Data.Enforcement.Cases;

/// <summary>A case on the desk: its stage, parties and the clock running out first.</summary>
public sealed record CaseSummary(
    Guid Id, string RegionCode, string Title, CaseStage Stage, string? PersonName, string? OrganisationName,
    DateTimeOffset OpenedAt, bool FilingApproved, long FineYuan, CaseClock? NextClock, int Version)
{
    public static CaseSummary From(EnforcementCase c, IReadOnlyList<CaseClock> clocks) =>
        new(c.Id, c.RegionCode, c.Title, c.Stage, c.PersonName, c.OrganisationName, c.OpenedAt, c.FiledAt is not null, c.FineYuan,
            clocks.FirstOrDefault(k => k.Running), c.Version);
}
