using CertGuard.Core.Time;

namespace CertGuard.Core.Certificates;

/// <summary>What every recorded action must satisfy before its transition runs.</summary>
public static class LifecycleChecks
{
    /// <summary>
    /// The day an action takes effect: not after today (UTC+8), and not before the last step of the history, which
    /// would put the history out of order.
    /// </summary>
    public static void EnsureEffectiveOn(Certificate certificate, DateOnly on, TimeProvider clock)
    {
        if (on > ChinaTime.Today(clock))
            throw new DomainRuleException("CERT-DATE-FUTURE", "办理日期不能晚于今天。");
        var last = certificate.History.Count == 0 ? (DateOnly?)null : certificate.History.Max(e => e.EffectiveOn);
        if (last is { } latest && on < latest)
            throw new DomainRuleException("CERT-DATE-BEFORE-HISTORY", $"办理日期不能早于证书最近一次记录的日期（{latest:yyyy-MM-dd}）。");
    }

    /// <summary>A review outside its window needs the authority's approval, and the approval needs its grounds on record.</summary>
    public static void EnsureOverrideExplained(bool outsideWindowApproved, string? note)
    {
        if (outsideWindowApproved && string.IsNullOrWhiteSpace(note))
            throw new DomainRuleException("CERT-OVERRIDE-NOTE-REQUIRED", "经发证机关批准在复审期外办理的，请在备注中写明批准依据。");
    }
}
