using CertGuard.Core.Campaigns;
using CertGuard.Core.Regions;
using CertGuard.Data.Campaigns;

namespace CertGuard.Web.Features.Campaigns;

public sealed record CampaignSummaryResponse(Guid Id, string Name, string DocumentNumber, DateOnly StartsOn, DateOnly EndsOn, DateOnly PlanDueOn, DateOnly SummaryDueOn, int Version)
{
    public static CampaignSummaryResponse From(Campaign c) => new(c.Id, c.Name, c.DocumentNumber, c.StartsOn, c.EndsOn, c.PlanDueOn, c.SummaryDueOn, c.Version);
}

public sealed record TaskResponse(Guid Id, Guid PhaseId, string Department, string DepartmentName, string Text, DateOnly Deadline, int Version)
{
    public static TaskResponse From(CampaignTask t) => new(t.Id, t.PhaseId, t.Department, CampaignDepartments.NameOf(t.Department), t.Text, t.Deadline, t.Version);
}

public sealed record PhaseResponse(Guid Id, int Order, string Name, DateOnly StartsOn, DateOnly EndsOn, bool Closed, bool Current, IReadOnlyList<TaskResponse> Tasks);

public sealed record MemberResponse(Guid Id, string Name, string Unit, string Post, string Phone);

public sealed record CampaignResponse(CampaignSummaryResponse Campaign, IReadOnlyList<PhaseResponse> Phases, IReadOnlyList<MemberResponse> WorkingGroup)
{
    public static CampaignResponse From(CampaignView v) => new(
        CampaignSummaryResponse.From(v.Campaign),
        v.Phases.Select(p => new PhaseResponse(p.Phase.Id, p.Phase.Order, p.Phase.Name, p.Phase.StartsOn, p.Phase.EndsOn, p.Closed, p.Current, p.Tasks.Select(TaskResponse.From).ToList())).ToList(),
        v.Members.Select(m => new MemberResponse(m.Id, m.Name, m.Unit, m.Post, m.Phone)).ToList());
}

public sealed record AttachmentResponse(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt)
{
    public static AttachmentResponse From(AttachmentInfo a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt);

    public static AttachmentResponse From(PlanAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt);
}

/// <summary>A plan; <c>late</c> is 逾期 (submitted after the deadline, or not yet submitted past it).</summary>
public sealed record PlanResponse(Guid Id, Guid CampaignId, string CityCode, string CityName, string Text, string State, bool Late, DateTimeOffset? SubmittedAt, string? ReturnReason, int Version)
{
    public static PlanResponse From(ImplementationPlan p, bool overdue = false) =>
        new(p.Id, p.CampaignId, p.CityCode, RegionDirectory.Guangdong.NameOf(p.CityCode), p.Text, p.State.ToString(), p.Late || overdue, p.SubmittedAt, p.ReturnReason, p.Version);
}

public sealed record PlanRowResponse(string CityCode, string CityName, bool Late, PlanResponse? Plan, IReadOnlyList<AttachmentResponse> Attachments)
{
    public static PlanRowResponse From(PlanRow r) => new(r.CityCode, r.CityName, r.Overdue, r.Plan is null ? null : PlanResponse.From(r.Plan, r.Overdue), r.Attachments.Select(AttachmentResponse.From).ToList());
}

public sealed record SupervisionTaskResponse(Guid Id, Guid VisitId, string CityCode, string Finding, DateOnly Deadline, bool Done, bool Overdue, bool DoneLate, string? Report, int Version)
{
    public static SupervisionTaskResponse From(SupervisionTask t, DateOnly today) =>
        new(t.Id, t.VisitId, t.CityCode, t.Finding, t.Deadline, t.Done, t.IsOverdueOn(today), t.DoneLate, t.Report, t.Version);
}

public sealed record VisitResponse(Guid Id, string CityCode, string CityName, DateOnly StartsOn, DateOnly EndsOn, string Members, bool Recorded, string Summary, IReadOnlyList<SupervisionTaskResponse> Tasks, int Version)
{
    public static VisitResponse From(VisitView v, DateOnly today) => new(v.Visit.Id, v.Visit.CityCode, RegionDirectory.Guangdong.NameOf(v.Visit.CityCode),
        v.Visit.StartsOn, v.Visit.EndsOn, v.Visit.Members, v.Visit.Recorded, v.Visit.Summary, v.Tasks.Select(t => SupervisionTaskResponse.From(t, today)).ToList(), v.Visit.Version);
}

public sealed record CircularResponse(Guid Id, Guid CampaignId, DateOnly PeriodFrom, DateOnly PeriodTo, string Title, string Number, string Body, bool Published, DateTimeOffset? PublishedAt, bool OnPublicPage, int Version)
{
    public static CircularResponse From(Circular c) => new(c.Id, c.CampaignId, c.PeriodFrom, c.PeriodTo, c.Title, c.Number, c.Body, c.Published, c.PublishedAt, c.OnPublicPage, c.Version);
}

public sealed record SummaryResponse(Guid Id, string CityCode, string Name, string Text, string State, bool Late, DateTimeOffset? SubmittedAt, string? ReturnReason, int Version)
{
    public static SummaryResponse From(CampaignSummary s, bool overdue = false) => new(s.Id, s.CityCode,
        s.CityCode == CampaignSummary.ProvinceCode ? "全省" : RegionDirectory.Guangdong.NameOf(s.CityCode), s.Text, s.State.ToString(), s.Late || overdue, s.SubmittedAt, s.ReturnReason, s.Version);
}

public sealed record SummaryRowResponse(string CityCode, string Name, bool Late, SummaryResponse? Summary)
{
    public static SummaryRowResponse From(SummaryRow r) => new(r.CityCode, r.Name, r.Overdue, r.Summary is null ? null : SummaryResponse.From(r.Summary, r.Overdue));
}

public sealed record CreateCampaignRequest(string Name, string DocumentNumber, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<PhaseInput>? Phases);

public sealed record DeadlinesRequest(DateOnly PlanDueOn, DateOnly SummaryDueOn, int Version);

public sealed record TaskRequest(string Department, string Text, DateOnly Deadline, int Version = 0);

public sealed record MemberRequest(string Name, string Unit, string Post, string Phone);

public sealed record TextRequest(string Text, int Version = 0);

public sealed record VersionRequest(int Version);

public sealed record DecisionRequest(bool Accept, string? Reason, int Version);

public sealed record VisitRequest(string CityCode, DateOnly StartsOn, DateOnly EndsOn, string Members);

public sealed record RecordVisitRequest(string Summary, string Members, IReadOnlyList<FindingInput>? Findings, int Version);

public sealed record TaskDoneRequest(string Report, int Version);

/// <summary>A draft circular: a month (YYYY-MM) or from/to dates; rankBy an indicator code ("6" fake certificates, "4" 持证率 …).</summary>
public sealed record DraftCircularRequest(string? Month, DateOnly? From, DateOnly? To, string? RankBy, string? GoodPractice, string? TypicalCases);

public sealed record EditCircularRequest(string Title, string Number, string Body, int Version);

public sealed record PublishCircularRequest(bool OnPublicPage, int Version);
