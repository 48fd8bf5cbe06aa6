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
            throw Refusal.Invalid("CERT-DATE-FUTURE");
        var last = certificate.History.Count == 0 ? (DateOnly?)null : certificate.History.Max(e => e.EffectiveOn);
        if (last is { } latest && on < latest)
            throw Refusal.Invalid("CERT-DATE-BEFORE-HISTORY", ("latest", latest));
    }

    /// <summary>A review outside its window needs the authority's approval, and the approval needs its grounds on record.</summary>
    public static void EnsureOverrideExplained(bool outsideWindowApproved, string? note)
    {
        if (outsideWindowApproved && string.IsNullOrWhiteSpace(note))
            throw Refusal.Invalid("CERT-OVERRIDE-NOTE-REQUIRED");
    }
}
