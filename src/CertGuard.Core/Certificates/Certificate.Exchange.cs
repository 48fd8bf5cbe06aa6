using CertGuard.Core.Catalogue;
using CertGuard.Core.Time;

namespace CertGuard.Core.Certificates;

/// <summary>
/// Certificates of other provinces, kept in step with their issuing registry through the national exchange. Their
/// state is that registry's, replaced whole by a newer version; this platform's own lifecycle never writes them.
/// </summary>
public sealed partial class Certificate
{
    /// <summary>
    /// The certificate's version in the registry of the province that issued it, for a certificate received by
    /// exchange; null for one issued in this province. <see cref="Version"/> stays this registry's own.
    /// </summary>
    public int? ExchangeVersion { get; private set; }

    public bool ReceivedByExchange => ExchangeVersion is not null;

    /// <summary>Registers a certificate of another province as its registry sent it.</summary>
    /// <param name="authorityId">This platform's record of the issuing authority.</param>
    public static Certificate Receive(ExchangedCertificate state, Guid authorityId, string actor, TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        state.Validate(today);
        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(),
            Number = state.Holder.Value,
            HolderSex = state.Holder.Sex,
            ItemCode = state.ItemCode,
            CategoryCode = OperationCatalogue.Current.FindItem(state.ItemCode)!.CategoryCode,
        };
        certificate.Take(state, authorityId);
        certificate.Record(CertificateEventKind.ReceivedByExchange, today, actor, null, $"{state.AuthorityCode} 第{state.Version}版", clock);
        return certificate;
    }

    /// <summary>
    /// Applies a pushed version: a newer one replaces the state and is recorded; the same one again changes nothing
    /// (if its content is the same); an older one is refused as stale.
    /// </summary>
    public ExchangeOutcome ApplyExchange(ExchangedCertificate state, Guid authorityId, string actor, TimeProvider clock)
    {
        if (ExchangeVersion is not { } current)
            throw Refusal.Conflict("EXCHANGE-LOCAL");
        if (state.Holder.Value != Number || state.ItemCode != ItemCode)
            throw new ArgumentException("The pushed certificate is another one (number or item differ).", nameof(state));
        var today = ChinaTime.Today(clock);
        state.Validate(today);
        if (state.Version < current)
            throw Refusal.Conflict("EXCHANGE-STALE", ("pushed", state.Version), ("current", current));
        if (state.Version == current)
        {
            return Matches(state) ? ExchangeOutcome.Unchanged
                : throw Refusal.Conflict("EXCHANGE-VERSION-CONFLICT", ("current", current));
        }
        Take(state, authorityId);
        Record(CertificateEventKind.UpdatedByExchange, today, actor, null, $"{state.AuthorityCode} 第{current}版→第{state.Version}版", clock);
        return ExchangeOutcome.Updated;
    }

    /// <summary>True when the pushed state is the one held (the authority's name is not part of it).</summary>
    public bool Matches(ExchangedCertificate state) =>
        state.Holder.Value == Number
        && state.ItemCode == ItemCode
        && state.HolderName.Trim() == HolderName
        && state.FirstIssuedOn == FirstIssuedOn
        && state.ValidFrom == ValidFrom
        && state.ValidTo == ValidTo
        && state.NextReviewDue == NextReviewDue
        && state.ExtendedReviewInterval == ExtendedReviewInterval
        && state.AuthorityCode == RegionCode
        && state.Status == Status
        && state.StatusReason == StatusReason
        && state.StatusChangedOn == StatusChangedOn
        && state.ReapplicationBarredUntil == ReapplicationBarredUntil;

    private void Take(ExchangedCertificate state, Guid authorityId)
    {
        HolderName = state.HolderName.Trim();
        FirstIssuedOn = state.FirstIssuedOn;
        ValidFrom = state.ValidFrom;
        ValidTo = state.ValidTo;
        NextReviewDue = state.NextReviewDue;
        ExtendedReviewInterval = state.ExtendedReviewInterval;
        RegionCode = state.AuthorityCode;
        IssuingAuthorityId = authorityId;
        Status = state.Status;
        StatusChangedOn = state.StatusChangedOn;
        StatusReason = state.StatusReason;
        ReapplicationBarredUntil = state.ReapplicationBarredUntil;
        ExchangeVersion = state.Version;
    }
}
