using CertGuard.Core.Auditing;

namespace CertGuard.Core.Campaigns;

/// <summary>
/// A special campaign (专项治理行动) run by the province office: its document, its dates, and (added by the campaign
/// module) its phases, tasks and working group. Monthly reports and the statistics table hang off it.
/// </summary>
[Audited]
public sealed class Campaign
{
    public const int NameMaxLength = 200;

    private Campaign()
    {
        Name = DocumentNumber = "";
    }

    public Campaign(Guid id, string name, string documentNumber, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
            throw new ArgumentOutOfRangeException(nameof(endsOn), "A campaign ends on or after its start.");
        Id = id;
        Name = name;
        DocumentNumber = documentNumber;
        StartsOn = startsOn;
        EndsOn = endsOn;
        PlanDueOn = DefaultPlanDue(startsOn);
        SummaryDueOn = DefaultSummaryDue(endsOn);
    }

    public Guid Id { get; private set; }

    /// <summary>E.g. 广东省打击假冒特种作业操作证专项治理行动.</summary>
    public string Name { get; private set; }

    /// <summary>The notice that launched it, e.g. 粤安办〔2018〕91号.</summary>
    public string DocumentNumber { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public int Version { get; private set; }

    /// <summary>The cities' implementation plans are due by the end of this day (the notice: 7月底前).</summary>
    public DateOnly PlanDueOn { get; private set; }

    /// <summary>The closing summaries are due by the end of this day (the notice: 12月25日前).</summary>
    public DateOnly SummaryDueOn { get; private set; }

    /// <summary>The end of the plan's due day, China time.</summary>
    public DateTimeOffset PlanDueBy => Time.ChinaTime.EndOfDay(PlanDueOn);

    public DateTimeOffset SummaryDueBy => Time.ChinaTime.EndOfDay(SummaryDueOn);

    /// <summary>Sets when plans and summaries are due (within the campaign).</summary>
    public void SetDeadlines(DateOnly planDueOn, DateOnly summaryDueOn)
    {
        if (planDueOn < StartsOn || planDueOn > EndsOn || summaryDueOn < StartsOn || summaryDueOn > EndsOn)
            throw Refusal.Invalid("CAMPAIGN-DATES");
        PlanDueOn = planDueOn;
        SummaryDueOn = summaryDueOn;
        Version++;
    }

    /// <summary>The end of the month the campaign starts in.</summary>
    public static DateOnly DefaultPlanDue(DateOnly startsOn) => new(startsOn.Year, startsOn.Month, DateTime.DaysInMonth(startsOn.Year, startsOn.Month));

    /// <summary>The 25th of the campaign's last month (or its last day, if earlier).</summary>
    public static DateOnly DefaultSummaryDue(DateOnly endsOn) => new(endsOn.Year, endsOn.Month, Math.Min(25, endsOn.Day));

    public bool IsRunningOn(DateOnly day) => day >= StartsOn && day <= EndsOn;

    public void Rename(string name, string documentNumber, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
            throw new ArgumentOutOfRangeException(nameof(endsOn), "A campaign ends on or after its start.");
        Name = name;
        DocumentNumber = documentNumber;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Version++;
    }
}
