using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A city office's implementation plan (实施方案) for a campaign: its text (attachments beside it), due by the campaign's
/// <see cref="Campaign.PlanDueOn"/>. A first submission after the deadline is late (逾期) for good; the province
/// accepts it or returns it with a reason, and a returned plan is corrected and resubmitted.
/// </summary>
[Audited]
public sealed class ImplementationPlan
{
    public const int TextMaxLength = 20000;

    private ImplementationPlan()
    {
        CityCode = Text = "";
    }

    public ImplementationPlan(Guid campaignId, string cityCode)
    {
        Id = Guid.CreateVersion7();
        CampaignId = campaignId;
        CityCode = cityCode;
        Text = "";
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public string CityCode { get; private set; }

    public string Text { get; private set; }

    public PlanState State { get; private set; } = PlanState.Draft;

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public bool Late { get; private set; }

    public string? ReturnReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public int Version { get; private set; }

    /// <summary>Whether the city may still change it (a draft, or returned).</summary>
    public bool IsOpen => State is PlanState.Draft or PlanState.Returned;

    public void Write(string text)
    {
        if (!IsOpen) throw Refusal.Conflict("PLAN-FROZEN");
        var trimmed = text.Trim();
        if (trimmed.Length > TextMaxLength) throw Refusal.Invalid("PLAN-TEXT", ("max", TextMaxLength));
        Text = trimmed;
        Version++;
    }

    /// <summary>Submits (or resubmits after a return); late when the first submission comes after <paramref name="dueBy"/>.</summary>
    public void Submit(string by, DateTimeOffset at, DateTimeOffset dueBy)
    {
        if (!IsOpen) throw Refusal.Conflict("PLAN-FROZEN");
        if (Text.Length == 0) throw Refusal.Invalid("PLAN-TEXT", ("max", TextMaxLength));
        if (SubmittedAt is null && at > dueBy) Late = true;
        State = PlanState.Submitted;
        SubmittedAt = at;
        SubmittedBy = by;
        Version++;
    }

    /// <summary>Marks it late once the deadline has passed without a submission (the province's view flags it).</summary>
    public bool FlagIfOverdue(DateTimeOffset now, DateTimeOffset dueBy)
    {
        if (Late || SubmittedAt is not null || now <= dueBy) return false;
        Late = true;
        Version++;
        return true;
    }

    public void Return(string reason, string by, DateTimeOffset at)
    {
        if (State != PlanState.Submitted) throw Refusal.Conflict("PLAN-NOT-SUBMITTED");
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > MonthlyReport.ReasonMaxLength)
            throw Refusal.Invalid("REPORT-RETURN-REASON", ("max", MonthlyReport.ReasonMaxLength));
        State = PlanState.Returned;
        ReturnReason = trimmed;
        DecidedBy = by;
        DecidedAt = at;
        Version++;
    }

    public void Accept(string by, DateTimeOffset at)
    {
        if (State != PlanState.Submitted) throw Refusal.Conflict("PLAN-NOT-SUBMITTED");
        State = PlanState.Accepted;
        ReturnReason = null;
        DecidedBy = by;
        DecidedAt = at;
        Version++;
    }
}
