using CertGuard.Core.Employers;
using CertGuard.Core.Holders;
using CertGuard.Core.Inspections;

namespace CertGuard.Web.Features.Inspections;

public sealed record OfficerResponse(string Name, string? Badge, string? Account)
{
    public static OfficerResponse From(InspectionOfficer o) => new(o.Name, o.BadgeNumber, o.AccountName);
}

public sealed record WorkerResponse(
    Guid Id, string ClientKey, string Name, string Number, string? Position, bool FromQr, string? QrCode, bool QrForged, string Verdict,
    string VerdictName, string Reason, string? ItemCode, string? TrainingRecord, string? Origin, string? SuggestedFinding, DateTimeOffset RecordedAt)
{
    /// <param name="fullNumber">Enforcement sees the number it recorded; readers (offices) see it masked.</param>
    public static WorkerResponse From(InspectionWorker w, bool fullNumber) => new(
        w.Id, w.ClientKey, w.Name, fullNumber || w.Number.Length == 0 ? w.Number : ResidentIdNumber.Mask(w.Number), w.PositionName, w.FromQr, w.QrCode,
        w.QrForged, w.Verdict.Code(), w.Verdict.ChineseName(), w.Reason, w.ItemCode, w.TrainingRecord, w.CertificateOrigin,
        w.SuggestedFinding?.Code(), w.RecordedAt);
}

public sealed record EvidenceResponse(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string Download)
{
    public static EvidenceResponse From(InspectionEvidence e) =>
        new(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt, $"/api/v1/inspections/evidence/{e.Id}");
}

public sealed record FindingResponse(
    Guid Id, string ClientKey, string Type, string TypeName, Guid? WorkerId, string Description, bool RaisesLead, Guid? LeadId,
    DateTimeOffset RecordedAt, IReadOnlyList<EvidenceResponse> Evidence)
{
    public static FindingResponse From(InspectionFinding f, IEnumerable<InspectionEvidence> evidence) => new(
        f.Id, f.ClientKey, f.Type.Code(), f.Type.ChineseName(), f.WorkerId, f.Description, f.Type.RaisesLead(), f.LeadId, f.RecordedAt,
        evidence.Where(e => e.FindingId == f.Id).OrderBy(e => e.UploadedAt).Select(EvidenceResponse.From).ToList());
}

public sealed record OrderResponse(
    Guid Id, Guid InspectionId, Guid OrganisationId, string OrganisationName, string Requirements, DateOnly Deadline, bool Overdue, string Status,
    string StatusName, string IssuedBy, DateTimeOffset IssuedAt, string? ReportText, DateTimeOffset? ReportedAt, string? ReinspectionNote,
    DateTimeOffset? ReinspectedAt, Guid? LeadId, int Version)
{
    public static OrderResponse From(CorrectionOrder o, DateOnly today) => new(
        o.Id, o.InspectionId, o.OrganisationId, o.OrganisationName, o.Requirements, o.Deadline, o.IsOverdue(today), StatusCode(o.Status),
        NameOf(o.Status), o.IssuedBy, o.IssuedAt, o.ReportText, o.ReportedAt, o.ReinspectionNote, o.ReinspectedAt, o.LeadId, o.Version);

    public static string StatusCode(CorrectionStatus s) => s switch
    {
        CorrectionStatus.Open => "open",
        CorrectionStatus.Reported => "reported",
        CorrectionStatus.Closed => "closed",
        _ => "not-corrected",
    };

    public static string NameOf(CorrectionStatus s) => s switch
    {
        CorrectionStatus.Open => "待整改",
        CorrectionStatus.Reported => "已报告整改，待复查",
        CorrectionStatus.Closed => "复查合格，已结束",
        _ => "复查未整改，已转立案线索",
    };
}

public sealed record InspectionSummary(
    Guid Id, string Target, Guid OrganisationId, string OrganisationName, string RegionCode, string Status, DateOnly PlannedOn, int CampaignYear,
    string PlanReason, DateTimeOffset? OnSiteAt, DateTimeOffset? CompletedAt, int Version)
{
    public static InspectionSummary From(Inspection i) => new(
        i.Id, i.Target.Code(), i.OrganisationId, i.OrganisationName, i.RegionCode, i.Status.Code(), i.PlannedOn, i.CampaignYear, i.PlanReason,
        i.OnSiteAt, i.CompletedAt, i.Version);
}

public sealed record InspectionResponse(
    Guid Id, string Target, Guid OrganisationId, string OrganisationName, string RegionCode, string Status, DateOnly PlannedOn, int CampaignYear,
    string PlanReason, IReadOnlyList<OfficerResponse> Officers, DateTimeOffset? OnSiteAt, string? Place, string? Conclusion, DateTimeOffset? CompletedAt,
    int? QuestionnaireVersion, IReadOnlyList<ConditionCheck> Conditions, IReadOnlyList<WorkerResponse> Workers, IReadOnlyList<FindingResponse> Findings,
    IReadOnlyList<OrderResponse> Orders, int Version);

public sealed record PlanCandidateResponse(Guid OrganisationId, string Name, string Target, decimal? Rate, int OpenLeads, bool InspectedThisYear, string Reason)
{
    public static PlanCandidateResponse From(PlanCandidate c) =>
        new(c.OrganisationId, c.Name, c.Target.Code(), c.Rate, c.OpenLeads, c.InspectedThisYear, InspectionPlanner.Reason(c));
}

public sealed record InstitutionResponse(Guid Id, string Name, string Kind, string RegionCode);
