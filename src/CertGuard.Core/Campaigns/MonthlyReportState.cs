namespace CertGuard.Core.Campaigns;

/// <summary>Where a city's monthly report stands (未报 / 已报 / 退回 / 已采纳); lateness (逾期) is kept apart.</summary>
public enum MonthlyReportState
{
    /// <summary>未报: being prepared; figures are live.</summary>
    Draft,

    /// <summary>已报: submitted; figures frozen at the cut-off.</summary>
    Submitted,

    /// <summary>退回: returned by the province with a reason; the city corrects and resubmits.</summary>
    Returned,

    /// <summary>已采纳: accepted by the province.</summary>
    Accepted,
}
