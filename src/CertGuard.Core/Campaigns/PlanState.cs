namespace CertGuard.Core.Campaigns;

/// <summary>Where a city's implementation plan (or closing summary) stands; lateness (逾期) is kept apart.</summary>
public enum PlanState
{
    /// <summary>未报.</summary>
    Draft,

    /// <summary>已报: waiting for the province.</summary>
    Submitted,

    /// <summary>退回: returned with a reason; the city resubmits.</summary>
    Returned,

    /// <summary>已采纳.</summary>
    Accepted,
}
