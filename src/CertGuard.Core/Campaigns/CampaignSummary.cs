using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A closing summary (工作总结) of a city, or of the province (<see cref="ProvinceCode"/>), prefilled from the campaign's
/// totals, edited and submitted by the campaign's <see cref="Campaign.SummaryDueOn"/> (12月25日前). The province accepts
/// or returns a city's; its own is final once submitted.
/// </summary>
[Audited]
public sealed class CampaignSummary
{
    public const string ProvinceCode = "440000";
    public const int TextMaxLength = 50000;

    private CampaignSummary()
    {
        CityCode = Text = "";
    }

    public CampaignSummary(Guid campaignId, string cityCode, string text)
    {
        Id = Guid.CreateVersion7();
        CampaignId = campaignId;
        CityCode = cityCode;
        Text = "";
        Write(text);
        Version = 0;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The city, or <see cref="ProvinceCode"/> for the province office's own.</summary>
    public string CityCode { get; private set; }

    public string Text { get; private set; }

    public PlanState State { get; private set; } = PlanState.Draft;

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public bool Late { get; private set; }

    public string? ReturnReason { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => State is PlanState.Draft or PlanState.Returned;

    public void Write(string text)
    {
        if (!IsOpen) throw Refusal.Conflict("SUMMARY-FROZEN");
        var trimmed = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (trimmed.Length is 0 or > TextMaxLength) throw Refusal.Invalid("CAMPAIGN-TEXT", ("max", TextMaxLength));
        Text = trimmed;
        Version++;
    }

    public void Submit(string by, DateTimeOffset at, DateTimeOffset dueBy)
    {
        if (!IsOpen) throw Refusal.Conflict("SUMMARY-FROZEN");
        if (SubmittedAt is null && at > dueBy) Late = true;
        // The province's own summary has nobody above it to accept it.
        State = CityCode == ProvinceCode ? PlanState.Accepted : PlanState.Submitted;
        SubmittedAt = at;
        SubmittedBy = by;
        Version++;
    }

    public void Return(string reason)
    {
        if (State != PlanState.Submitted) throw Refusal.Conflict("PLAN-NOT-SUBMITTED");
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > MonthlyReport.ReasonMaxLength)
            throw Refusal.Invalid("REPORT-RETURN-REASON", ("max", MonthlyReport.ReasonMaxLength));
        State = PlanState.Returned;
        ReturnReason = trimmed;
        Version++;
    }

    public void Accept()
    {
        if (State != PlanState.Submitted) throw Refusal.Conflict("PLAN-NOT-SUBMITTED");
        State = PlanState.Accepted;
        ReturnReason = null;
        Version++;
    }
}
