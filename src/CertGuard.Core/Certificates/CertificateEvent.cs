using CertGuard.Core.Auditing;

namespace CertGuard.Core.Certificates;

public enum CertificateEventKind
{
    Issued,
    ReviewPassed,
    ReviewFailed,
    ExtendedIntervalGranted,
    Renewed,
    MarkedInvalid,
    Revoked,
    Cancelled,
    Reissued,
    Replaced,
    /// <summary>A certificate issued in another province, received through the national exchange.</summary>
    ReceivedByExchange,
    /// <summary>Its issuing province's registry sent a newer version of it.</summary>
    UpdatedByExchange,
    /// <summary>Brought into the registry from an authority's file (批量导入), with the dates and status it already had.</summary>
    Imported,
}

/// <summary>One step of a certificate's history: what happened, when, by whom and why.</summary>
[Audited]
public sealed class CertificateEvent
{
    private CertificateEvent()
    {
        Actor = "";
    }

    internal CertificateEvent(int version, CertificateEventKind kind, DateTimeOffset occurredAt, DateOnly effectiveOn, string actor, string? reason, string? details)
    {
        Id = Guid.CreateVersion7();
        Version = version;
        Kind = kind;
        OccurredAt = occurredAt;
        EffectiveOn = effectiveOn;
        Actor = actor;
        Reason = reason;
        Details = details;
    }

    public Guid Id { get; private set; }

    public Guid CertificateId { get; private set; }

    /// <summary>
    /// The certificate's version this step produced: the order of its history. Two steps of one action (a review
    /// that also renews) share an instant, so time alone cannot order them.
    /// </summary>
    public int Version { get; private set; }

    public CertificateEventKind Kind { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The date (UTC+8) the step takes effect, e.g. the day of the review.</summary>
    public DateOnly EffectiveOn { get; private set; }

    public string Actor { get; private set; }

    /// <summary>A machine-readable reason, e.g. <c>FraudOrBribery</c>.</summary>
    public string? Reason { get; private set; }

    /// <summary>Free text: the officer's note.</summary>
    public string? Details { get; private set; }
}
