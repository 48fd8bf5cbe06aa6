using CertGuard.Core.Certificates;
using CertGuard.Core.Organisations;

namespace CertGuard.Web.Features.Exchange;

/// <summary>
/// A certificate's state in the exchange format: what the change feed sends and what a push brings, the same shape
/// both ways. The number is the holder's full resident ID number: the exchange is the registry's own channel.
/// </summary>
public sealed record ExchangeCertificate(
    string Number,
    string HolderName,
    string Sex,
    string CategoryCode,
    string ItemCode,
    DateOnly FirstIssuedOn,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    DateOnly NextReviewDue,
    bool ExtendedReviewInterval,
    string AuthorityCode,
    string AuthorityName,
    string Status,
    string? StatusReason,
    DateOnly? StatusChangedOn,
    DateOnly? ReapplicationBarredUntil,
    int Version)
{
    public static ExchangeCertificate From(Certificate c, Organisation? authority) => new(
        c.Number, c.HolderName, c.HolderSex == Core.Holders.Sex.Male ? "M" : "F", c.CategoryCode, c.ItemCode,
        c.FirstIssuedOn, c.ValidFrom, c.ValidTo, c.NextReviewDue, c.ExtendedReviewInterval,
        c.RegionCode, authority?.Name ?? "", c.Status.ToString(), c.StatusReason, c.StatusChangedOn, c.ReapplicationBarredUntil,
        c.ExchangeVersion ?? c.Version);
}

/// <summary>
/// One step of a certificate's history, without the officer's name or free-text note (personal data of people other
/// than the holder): who acted is given as a kind only.
/// </summary>
public sealed record ExchangeEvent(string Kind, int Version, DateTimeOffset OccurredAt, DateOnly EffectiveOn, string? Reason, string ActorKind);

/// <summary>One change: its place in the feed, the step, and the certificate's state as of the pull.</summary>
public sealed record ChangeItem(long Sequence, ExchangeEvent Event, ExchangeCertificate Certificate);

/// <summary>A page of the change feed. Pass <see cref="Next"/> as <c>since</c> to continue.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeItem> Items, string Next, bool HasMore);

/// <summary>
/// A certificate pushed in from another province. Dates are "YYYY-MM-DD" strings, checked here so that a bad one is
/// reported for its item (and field) instead of failing a whole batch.
/// </summary>
public sealed record PushedCertificate(
    string? Number,
    string? HolderName,
    string? Sex,
    string? CategoryCode,
    string? ItemCode,
    string? FirstIssuedOn,
    string? ValidFrom,
    string? ValidTo,
    string? NextReviewDue,
    bool? ExtendedReviewInterval,
    string? AuthorityCode,
    string? AuthorityName,
    string? Status,
    string? StatusReason,
    string? StatusChangedOn,
    string? ReapplicationBarredUntil,
    int? Version);

/// <summary>What a push did with one certificate: created, updated, unchanged or refused (with a code and a Chinese message).</summary>
public sealed record PushResult(int Index, string? Number, string? ItemCode, int? Version, string Outcome, int Status, string? Code, string? Message);

/// <summary>The answer to a batch push: one result per item, in the order sent, and the counts.</summary>
public sealed record BatchPushResponse(int Created, int Updated, int Unchanged, int Refused, IReadOnlyList<PushResult> Items);
