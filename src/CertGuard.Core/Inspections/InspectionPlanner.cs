namespace CertGuard.Core.Inspections;

/// <summary>An employer or institution the city may visit, with what the registry knows of it.</summary>
/// <param name="Rate">Its lawful certification rate (依法持证率) from its current roster check; null when it never checked one.</param>
/// <param name="OpenLeads">Open leads and signals naming it.</param>
/// <param name="InspectedThisYear">Inspected (done) in the campaign year already.</param>
public sealed record PlanCandidate(Guid OrganisationId, string Name, InspectionTarget Target, decimal? Rate, int OpenLeads, bool InspectedThisYear);

/// <summary>
/// Who to visit first (检查方案): those with open leads and signals, then institutions not yet inspected this campaign
/// year (every institution once), then employers by the lowest 持证率 (one that never checked its roster before one at
/// 100 %, since nothing is known of it). Already inspected this year last.
/// </summary>
public static class InspectionPlanner
{
    public static IReadOnlyList<PlanCandidate> Rank(IEnumerable<PlanCandidate> candidates) => candidates
        .OrderBy(c => c.InspectedThisYear)
        .ThenByDescending(c => c.OpenLeads)
        .ThenByDescending(c => c.Target == InspectionTarget.Institution)
        .ThenBy(c => c.Rate ?? 50m)
        .ThenBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Why it is suggested, in Chinese, for the plan's reason.</summary>
    public static string Reason(PlanCandidate c)
    {
        var parts = new List<string>();
        if (c.OpenLeads > 0) parts.Add($"有{c.OpenLeads}条未办结线索或信号");
        if (c.Target == InspectionTarget.Institution && !c.InspectedThisYear) parts.Add("本年度尚未检查的培训考试机构");
        if (c.Target == InspectionTarget.Employer) parts.Add(c.Rate is { } r ? $"依法持证率{r}%" : "未开展名册自查");
        if (c.InspectedThisYear) parts.Add("本年度已检查");
        return string.Join("；", parts);
    }
}
