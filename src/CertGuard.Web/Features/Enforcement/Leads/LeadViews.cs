using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;

namespace CertGuard.Web.Features.Enforcement.Leads;

/// <summary>Which leads a list shows: <c>active</c> (open or awaiting approval, the default), one status, or all.</summary>
public sealed record LeadFilter(LeadStatus? Status = null, bool ActiveOnly = true, string? Source = null, string? Text = null, string? City = null);

/// <summary>
/// One city's leads in numbers, for the city's enforcement desk (leads waiting) and the province's view of every city:
/// open, awaiting the enforcement lead's approval, the oldest open one, and how the closed ones ended.
/// </summary>
public sealed record LeadCitySummary(
    string RegionCode, int Open, int AwaitingApproval, DateTimeOffset? OldestOpenSince, int CaseOpened, int Referred, int Merged, int NoAction);

/// <summary>
/// A lead as the inbox shows it; status and disposition by name (<see cref="LeadStatus"/>, <see cref="LeadDisposition"/>).
/// The certificate number is masked unless the viewer works the lead's detail (<see cref="LeadDesk.FindAsync"/>).
/// </summary>
public sealed record LeadView(
    Guid Id, string RegionCode, string Source, string Summary, string Status, string? Disposition, string? DispositionNote,
    string? CertificateNumber, Guid? CertificateId, Guid? OrganisationId, Guid? SignalId, Guid? SourceId, string RaisedBy,
    DateTimeOffset RaisedAt, Guid? CaseId, string? ReferredTo, Guid? MergedIntoId, string? ProposedBy, string? ClosedBy,
    DateTimeOffset? ClosedAt, int Version)
{
    public bool IsClosed => Status == nameof(LeadStatus.Closed);

    public static LeadView Of(InspectionLead l, bool fullNumber = false) => new(
        l.Id, l.RegionCode, l.Source, l.Summary, l.Status.ToString(), l.Disposition?.ToString(), l.DispositionNote,
        l.CertificateNumber is null ? null : fullNumber ? l.CertificateNumber : ResidentIdNumber.Mask(l.CertificateNumber),
        l.CertificateId, l.OrganisationId, l.SignalId, l.SourceId, l.RaisedBy, l.RaisedAt, l.CaseId, l.ReferredTo, l.MergedIntoId,
        l.ProposedBy, l.ClosedBy, l.ClosedAt, l.Version);
}

public sealed record LeadPage(IReadOnlyList<LeadView> Items, int Page, int Total);

/// <summary>One lead with what its page shows beside it: the organisation's name and the leads merged into it.</summary>
public sealed record LeadDetail(LeadView Lead, string? OrganisationName, IReadOnlyList<LeadView> MergedFrom);

/// <summary>What the police pass on: what they found, and optionally the certificate number and the employer concerned.</summary>
/// <param name="SourceId">The police's own record (a case or notice id), so passing it twice raises one lead.</param>
public sealed record PoliceLeadInput(string? Summary, string? CertificateNumber, Guid? OrganisationId, Guid? SourceId);
