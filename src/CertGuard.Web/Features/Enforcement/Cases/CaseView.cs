using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Documents;

namespace CertGuard.Web.Features.Enforcement.Cases;

/// <summary>A case as the API answers it: its facts, stage, what the stage still needs, clocks, documents and timeline.</summary>
public sealed record CaseView(
    Guid Id, string RegionCode, string AuthorityName, string Title, string Stage, string StageName, int Version,
    string? PersonName, Guid? OrganisationId, string? OrganisationName, IReadOnlyList<string> CertificateNumbers,
    IReadOnlyList<string> ViolationCodes, IReadOnlyList<Guid> LeadIds, IReadOnlyList<string> JointDepartments,
    bool Major, bool LifeOrSafety, DateTimeOffset OpenedAt, DateTimeOffset? FiledAt, string? FilingApprovedBy,
    DateTimeOffset? NoticeAt, DateTimeOffset? HearingRequestedAt, DateTimeOffset? DecidedAt, bool MajorHiddenHazard,
    DateTimeOffset? ServedAt, long FineYuan, long PaidYuan, long SurchargeYuan, DateTimeOffset? ClosedAt,
    IReadOnlyList<string> MissingDocuments, IReadOnlyList<CaseFineView> Fines, IReadOnlyList<CaseClockView> Clocks,
    IReadOnlyList<CaseDocumentView> Documents, IReadOnlyList<CaseEntryView> Timeline, IReadOnlyList<RevocationView> Revocations)
{
    public static CaseView From(EnforcementCase c, IReadOnlyList<CaseClock> clocks, IReadOnlyList<CertificateRevocationRequest> revocations) =>
        new(c.Id, c.RegionCode, c.AuthorityName, c.Title, c.Stage.ToString(), CaseProcedure.Rule(c.Stage).Name, c.Version,
            c.PersonName, c.OrganisationId, c.OrganisationName, c.CertificateNumbers, c.ViolationCodes, c.LeadIds, c.JointDepartments,
            c.Major, c.LifeOrSafety, c.OpenedAt, c.FiledAt, c.FilingApprovedBy, c.NoticeAt, c.HearingRequestedAt, c.DecidedAt,
            c.MajorHiddenHazard, c.ServedAt, c.FineYuan, c.PaidYuan, c.SurchargeYuan, c.ClosedAt,
            [.. c.MissingDocuments().Select(k => k.Title())],
            [.. c.Fines.Select(f => new CaseFineView(f.Party.ToString(), f.PartyName, f.RuleCode, f.AmountYuan, f.Measures, f.LegalBasis))],
            [.. clocks.Select(CaseClockView.From)],
            [.. c.Documents.OrderBy(d => d.IssuedAt).Select(CaseDocumentView.From)],
            [.. c.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new CaseEntryView(e.Kind.ToString(), e.Text, e.By, e.Department, e.At))],
            [.. revocations.Select(RevocationView.From)]);
}

public sealed record CaseFineView(string Party, string PartyName, string RuleCode, long Fine, string Measures, string LegalBasis);

/// <summary>A clock: its code and step (reference data), deadline, days left (negative when overdue), state, and whether it still runs.</summary>
public sealed record CaseClockView(string Code, string Step, string StepEn, string LegalBasis, DateTimeOffset Deadline, int DaysLeft, string State, bool Running, DateTimeOffset? StoppedAt)
{
    public static CaseClockView From(CaseClock k) =>
        new(k.Limit.Code, k.Limit.Step, k.Limit.StepEn, k.Limit.LegalBasis, k.Reading.Deadline, k.Reading.DaysLeft, k.Reading.State.ToString(), k.Running, k.StoppedAt);
}

public sealed record CaseDocumentView(Guid Id, string Kind, string Title, string Number, DateTimeOffset IssuedAt, string IssuedBy)
{
    public static CaseDocumentView From(CaseFileDocument d) =>
        new(d.Id, CaseDocumentKinds.Of(d.Kind).Slug, d.Kind.Title(), d.Number, d.IssuedAt, d.IssuedBy);
}

public sealed record CaseEntryView(string Kind, string Text, string By, string? Department, DateTimeOffset At);

public sealed record RevocationView(Guid Id, Guid CaseId, string CertificateNumber, string RegionCode, string Ground, string Status,
    string? DeclineReason, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, int Version)
{
    public static RevocationView From(CertificateRevocationRequest r) =>
        new(r.Id, r.CaseId, r.CertificateNumber, r.RegionCode, r.Ground.ToString(), r.Status.ToString(), r.DeclineReason, r.RequestedAt, r.DecidedAt, r.Version);
}
