using CertGuard.Core.Auditing;

namespace CertGuard.Core.Verification;

/// <summary>
/// One check of a certificate, as the verification log keeps it: append-only, purged only when older than the
/// retention period. Names asked are not kept (only whether they matched), nor client addresses (only a coarse origin).
/// </summary>
[NotAudited("the verification log is itself an append-only record of checks; only retention deletes from it")]
public sealed class VerificationRecord
{
    public const int NumberMaxLength = 32;

    private VerificationRecord()
    {
    }

    public VerificationRecord(DateTimeOffset at, VerificationChannel channel, VerificationOutcome outcome, string? numberAsked)
    {
        Id = Guid.CreateVersion7(at);
        At = at;
        Channel = channel;
        Outcome = outcome;
        NumberAsked = numberAsked is { Length: > NumberMaxLength } ? numberAsked[..NumberMaxLength] : numberAsked;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public VerificationChannel Channel { get; private set; }

    public VerificationOutcome Outcome { get; private set; }

    /// <summary>The number as asked (trimmed, at most <see cref="NumberMaxLength"/> characters): a forged form is evidence.</summary>
    public string? NumberAsked { get; private set; }

    /// <summary>The registry certificate the number (and item) led to, whether or not the name matched.</summary>
    public Guid? CertificateId { get; init; }

    /// <summary>The city of that certificate (its issuing authority's), for the city office's view.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The item asked about, where the check names one (roster position, review, QR).</summary>
    public string? ItemCode { get; init; }

    /// <summary>The category written next to the item (review checks, uploads), to catch an item that is not of its category.</summary>
    public string? CategoryCode { get; init; }

    /// <summary>A first-issue date as written on the card presented (review checks, uploads).</summary>
    public DateOnly? ClaimedFirstIssuedOn { get; init; }

    /// <summary>The organisation (employer, institution) that asked, when signed in or using its key.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>The account that asked, when signed in.</summary>
    public string? AccountName { get; init; }

    /// <summary>A coarse client origin (an IPv4 /24 or IPv6 /48 network), never the full address.</summary>
    public string? Origin { get; init; }
}
