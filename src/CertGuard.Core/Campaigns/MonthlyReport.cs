using CertGuard.Core.Auditing;
using CertGuard.Core.Time;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A city's monthly report for a campaign (月报 and 统计表): due by the end of the 25th of its month (UTC+8), covering
/// the work from the previous report's cut-off (the campaign's start for the first one) to its own cut-off, the moment
/// it is submitted. The statistics module adds the frozen figures, corrections, text and attachments.
/// </summary>
[Audited]
public sealed class MonthlyReport
{
    public const int ReasonMaxLength = 1000;

    /// <summary>The work report's text (月度工作情况).</summary>
    public const int WorkTextMaxLength = 20_000;

    private MonthlyReport()
    {
        CityCode = "";
    }

    public MonthlyReport(Guid campaignId, string cityCode, DateOnly month, DateTimeOffset periodStart)
    {
        Id = Guid.CreateVersion7(periodStart);
        CampaignId = campaignId;
        CityCode = cityCode;
        Month = new DateOnly(month.Year, month.Month, 1);
        PeriodStart = periodStart;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public string CityCode { get; private set; }

    /// <summary>The first day of the month reported.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>Where the window starts: the previous report's cut-off, or the campaign's start.</summary>
    public DateTimeOffset PeriodStart { get; private set; }

    /// <summary>Where the window ends once submitted; null while a draft (figures are live up to now).</summary>
    public DateTimeOffset? CutOff { get; private set; }

    public MonthlyReportState State { get; private set; } = MonthlyReportState.Draft;

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    /// <summary>True once the deadline passed without a submission, or when the submission came after it (逾期).</summary>
    public bool Late { get; private set; }

    public string? ReturnReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public int Version { get; private set; }

    /// <summary>The monthly work report (工作情况): what the city did, in its own words; attachments hang off the report.</summary>
    public string? WorkText { get; private set; }

    /// <summary>The city office may change its figures and text: a draft, or a report the province returned.</summary>
    public bool IsEditable => State is MonthlyReportState.Draft or MonthlyReportState.Returned;

    /// <summary>Refuses any change to a submitted or accepted report (REPORT-FROZEN).</summary>
    public void EnsureEditable()
    {
        if (!IsEditable) throw Refusal.Conflict("REPORT-FROZEN");
    }

    public void WriteText(string? text)
    {
        EnsureEditable();
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > WorkTextMaxLength) throw Refusal.Invalid("REPORT-TEXT-TOO-LONG", ("max", WorkTextMaxLength));
        WorkText = trimmed.Length == 0 ? null : trimmed;
        Version++;
    }

    /// <summary>
    /// A draft never submitted follows the previous report's cut-off when that one is submitted later, so nothing is
    /// counted twice or missed between two reports.
    /// </summary>
    public bool FollowPrevious(DateTimeOffset previousCutOff)
    {
        if (State != MonthlyReportState.Draft || SubmittedAt is not null || PeriodStart == previousCutOff) return false;
        PeriodStart = previousCutOff;
        Version++;
        return true;
    }

    /// <summary>The end of the 25th of the report's month, China time: "每月25日前报送当月".</summary>
    public DateTimeOffset DueBy => DueFor(Month);

    public static DateTimeOffset DueFor(DateOnly month) =>
        new DateTimeOffset(new DateTime(month.Year, month.Month, 25, 0, 0, 0, DateTimeKind.Unspecified), ChinaTime.Offset).AddDays(1);

    /// <summary>Marks the report late when its deadline has passed and it was never submitted.</summary>
    public bool FlagIfOverdue(DateTimeOffset now)
    {
        if (Late || now < DueBy || State is MonthlyReportState.Submitted or MonthlyReportState.Accepted || SubmittedAt is not null)
            return false;
        Late = true;
        Version++;
        return true;
    }

    /// <summary>Submits (or resubmits after a return): the figures freeze at <paramref name="at"/>.</summary>
    public void Submit(string by, DateTimeOffset at)
    {
        if (State is MonthlyReportState.Submitted or MonthlyReportState.Accepted)
            throw Refusal.Conflict("REPORT-FROZEN");
        if (SubmittedAt is null && at >= DueBy)
            Late = true;
        State = MonthlyReportState.Submitted;
        CutOff = at;
        SubmittedAt = at;
        SubmittedBy = by;
        ReturnReason = null;
        Version++;
    }

    public void Return(string reason, string by, DateTimeOffset at)
    {
        if (State != MonthlyReportState.Submitted)
            throw Refusal.Conflict("REPORT-NOT-SUBMITTED");
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > ReasonMaxLength)
            throw Refusal.Invalid("REPORT-RETURN-REASON", ("max", ReasonMaxLength));
        State = MonthlyReportState.Returned;
        ReturnReason = trimmed;
        DecidedBy = by;
        DecidedAt = at;
        Version++;
    }

    public void Accept(string by, DateTimeOffset at)
    {
        if (State != MonthlyReportState.Submitted)
            throw Refusal.Conflict("REPORT-NOT-SUBMITTED");
        State = MonthlyReportState.Accepted;
        DecidedBy = by;
        DecidedAt = at;
        Version++;
    }
}
