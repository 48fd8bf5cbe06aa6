using CertGuard.Core.Certificates;
using CertGuard.Core.Tests.Support;

namespace CertGuard.Core.Tests.Certificates;

/// <summary>Revocation, cancellation, reissue and replacement, and the history they leave.</summary>
public sealed partial class CertificateLifecycleTests
{
    // ---- revocation ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(RevocationReason.FraudOrBribery)]
    [InlineData(RevocationReason.FalseInformation)]
    public void Revocation_for_fraud_or_false_information_bars_reapplication_for_three_years(RevocationReason reason)
    {
        var certificate = Issue();
        var on = new DateOnly(2024, 3, 1);
        _clock.SetChinaNoon(on);

        var added = Appended(certificate, () => certificate.Revoke(reason, on, Officer, Rules, _clock, "材料造假"));

        Assert.Equal(new DateOnly(2027, 3, 1), certificate.ReapplicationBarredUntil);
        Assert.Equal(on.AddYears(3), certificate.ReapplicationBarredUntil);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
        Assert.Equal(on, certificate.StatusChangedOn);
        Assert.Equal(reason.ToString(), certificate.StatusReason);
        var revoked = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Revoked, revoked.Kind);
        Assert.Equal(Officer, revoked.Actor);
        Assert.Equal(reason.ToString(), revoked.Reason);
        Assert.Equal("材料造假", revoked.Details);
        Assert.Equal(on, revoked.EffectiveOn);
        Assert.Equal(CertificateState.Revoked, certificate.StateAt(_clock, Rules));
        Assert.True(certificate.StatusBit);
    }

    [Theory]
    [InlineData(RevocationReason.OverdueWithoutReview)]
    [InlineData(RevocationReason.PhysicallyUnfit)]
    [InlineData(RevocationReason.ResponsibleForAccident)]
    public void Other_revocation_reasons_do_not_bar_reapplication(RevocationReason reason)
    {
        var certificate = Issue();
        certificate.Revoke(reason, new DateOnly(2024, 3, 1), Officer, Rules, _clock);

        Assert.Null(certificate.ReapplicationBarredUntil);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
    }

    [Fact]
    public void Exactly_fraud_and_false_information_bar_reapplication()
    {
        var barring = Enum.GetValues<RevocationReason>().Where(r => r.BarsReapplication()).Order();
        Assert.Equal(new[] { RevocationReason.FalseInformation, RevocationReason.FraudOrBribery }.Order(), barring);
    }

    [Fact]
    public void A_certificate_is_revoked_only_once()
    {
        var certificate = Issue();
        certificate.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn.AddDays(1), Officer, Rules, _clock);

        Unchanged(certificate, () => certificate.Revoke(RevocationReason.FraudOrBribery, IssuedOn.AddDays(2), Officer, Rules, _clock), "CERT-ALREADY-REVOKED");
        Assert.Null(certificate.ReapplicationBarredUntil);
    }

    [Fact]
    public void A_cancelled_certificate_cannot_be_revoked()
    {
        var certificate = Issue();
        certificate.Cancel(CancellationReason.HolderDied, IssuedOn.AddDays(1), Officer, _clock);

        Unchanged(certificate, () => certificate.Revoke(RevocationReason.FraudOrBribery, IssuedOn.AddDays(2), Officer, Rules, _clock), "CERT-ALREADY-CANCELLED");
    }

    [Fact]
    public void An_invalid_certificate_can_still_be_revoked()
    {
        var certificate = Issue();
        certificate.MarkInvalidIfOverdue(certificate.NextReviewDue.AddDays(1), _clock);

        certificate.Revoke(RevocationReason.OverdueWithoutReview, certificate.NextReviewDue.AddDays(5), Officer, Rules, _clock);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
    }

    // ---- cancellation -------------------------------------------------------------------------------------------------

    [Fact]
    public void Cancelling_because_revoked_requires_a_revoked_certificate()
    {
        var certificate = Issue();
        Unchanged(certificate, () => certificate.Cancel(CancellationReason.CertificateRevoked, IssuedOn.AddDays(1), Officer, _clock), "CERT-NOT-REVOKED");

        certificate.Revoke(RevocationReason.FalseInformation, IssuedOn.AddDays(1), Officer, Rules, _clock);
        var barredUntil = certificate.ReapplicationBarredUntil;
        var added = Appended(certificate, () => certificate.Cancel(CancellationReason.CertificateRevoked, IssuedOn.AddDays(2), Officer, _clock));

        Assert.Equal(CertificateStatus.Cancelled, certificate.Status);
        Assert.Equal(nameof(CancellationReason.CertificateRevoked), certificate.StatusReason);
        Assert.Equal(barredUntil, certificate.ReapplicationBarredUntil); // the bar survives the cancellation
        var cancelled = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Cancelled, cancelled.Kind);
        Assert.Equal(nameof(CancellationReason.CertificateRevoked), cancelled.Reason);
        Assert.Equal(Officer, cancelled.Actor);
    }

    [Theory]
    [InlineData(CancellationReason.HolderDied)]
    [InlineData(CancellationReason.HolderRequested)]
    public void A_live_certificate_is_cancelled_for_death_or_on_request(CancellationReason reason)
    {
        var certificate = Issue();
        var on = IssuedOn.AddYears(2);

        var added = Appended(certificate, () => certificate.Cancel(reason, on, Officer, _clock, "本人申请"));

        Assert.Equal(CertificateStatus.Cancelled, certificate.Status);
        Assert.Equal(on, certificate.StatusChangedOn);
        Assert.Equal(CertificateState.Cancelled, certificate.StateOn(on));
        Assert.Equal(reason.ToString(), Assert.Single(added).Reason);
    }

    [Fact]
    public void A_certificate_is_cancelled_only_once()
    {
        var certificate = Issue();
        certificate.Cancel(CancellationReason.HolderRequested, IssuedOn.AddDays(1), Officer, _clock);
        Unchanged(certificate, () => certificate.Cancel(CancellationReason.HolderDied, IssuedOn.AddDays(2), Officer, _clock), "CERT-ALREADY-CANCELLED");
    }

    // ---- reissue and replacement ---------------------------------------------------------------------------------------

    [Fact]
    public void Reissue_after_loss_keeps_the_dates_and_records_an_event()
    {
        var certificate = Issue();
        var today = IssuedOn.AddYears(1);
        _clock.SetChinaNoon(today);
        var (from, to, due) = (certificate.ValidFrom, certificate.ValidTo, certificate.NextReviewDue);

        var added = Appended(certificate, () => certificate.Reissue(Officer, _clock, "遗失登报"));

        var reissued = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Reissued, reissued.Kind);
        Assert.Equal(Officer, reissued.Actor);
        Assert.Equal(today, reissued.EffectiveOn);
        Assert.False(string.IsNullOrWhiteSpace(reissued.Reason));
        Assert.Equal("遗失登报", reissued.Details);
        Assert.Equal((from, to, due), (certificate.ValidFrom, certificate.ValidTo, certificate.NextReviewDue));
        Assert.Equal(CertificateStatus.Active, certificate.Status);
    }

    [Fact]
    public void Replace_with_a_new_name_records_the_correction()
    {
        var certificate = Issue();
        var oldName = certificate.HolderName;
        _clock.SetChinaNoon(IssuedOn.AddYears(1));

        var added = Appended(certificate, () => certificate.Replace(" 张叁 ", Officer, _clock));

        Assert.Equal("张叁", certificate.HolderName);
        var replaced = Assert.Single(added);
        Assert.Equal(CertificateEventKind.Replaced, replaced.Kind);
        Assert.Equal(Officer, replaced.Actor);
        Assert.False(string.IsNullOrWhiteSpace(replaced.Reason));
        Assert.Contains(oldName, replaced.Details, StringComparison.Ordinal);
        Assert.Contains("张叁", replaced.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_of_a_damaged_card_keeps_the_name()
    {
        var certificate = Issue();
        var name = certificate.HolderName;

        var added = Appended(certificate, () => certificate.Replace(null, Officer, _clock, "卡片破损"));

        Assert.Equal(name, certificate.HolderName);
        Assert.Equal(CertificateEventKind.Replaced, Assert.Single(added).Kind);
        Assert.Equal("卡片破损", added[0].Details);
    }

    public static TheoryData<string> NotLive() => ["invalid", "revoked", "cancelled"];

    private Certificate InState(string state)
    {
        var certificate = Issue();
        switch (state)
        {
            case "invalid": certificate.MarkInvalidIfOverdue(certificate.NextReviewDue.AddDays(1), _clock); break;
            case "revoked": certificate.Revoke(RevocationReason.PhysicallyUnfit, IssuedOn.AddDays(1), Officer, Rules, _clock); break;
            case "cancelled": certificate.Cancel(CancellationReason.HolderRequested, IssuedOn.AddDays(1), Officer, _clock); break;
        }
        Assert.NotEqual(CertificateStatus.Active, certificate.Status);
        return certificate;
    }

    [Theory]
    [MemberData(nameof(NotLive))]
    public void Reissue_and_replace_are_refused_when_not_active(string state)
    {
        var certificate = InState(state);
        var name = certificate.HolderName;

        Unchanged(certificate, () => certificate.Reissue(Officer, _clock), "CERT-NOT-LIVE");
        Unchanged(certificate, () => certificate.Replace("王五", Officer, _clock), "CERT-NOT-LIVE");
        Unchanged(certificate, () => certificate.Replace(null, Officer, _clock), "CERT-NOT-LIVE");
        Assert.Equal(name, certificate.HolderName);
    }

    // ---- history ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_step_of_a_full_life_is_in_the_history_with_its_actor_and_the_version_counts_them()
    {
        var certificate = Issue();
        var steps = new (string Actor, Action Step)[]
        {
            ("a1", () => { _clock.SetChinaNoon(IssuedOn.AddYears(1)); certificate.Reissue("a1", _clock); }),
            ("a2", () => certificate.Replace("张叁", "a2", _clock)),
            ("a3", () => { _clock.SetChinaNoon(certificate.NextReviewDue); certificate.PassReview(certificate.NextReviewDue, "a3", Rules, _clock); }),
            ("a4", () => certificate.Revoke(RevocationReason.FraudOrBribery, ChinaTimeToday(), "a4", Rules, _clock)),
            ("a5", () => certificate.Cancel(CancellationReason.CertificateRevoked, ChinaTimeToday(), "a5", _clock)),
        };
        foreach (var (actor, step) in steps)
        {
            var added = Appended(certificate, step);
            Assert.All(added, e => Assert.Equal(actor, e.Actor));
            Assert.All(added, e => Assert.Equal(_clock.GetUtcNow(), e.OccurredAt));
        }

        Assert.Equal(
            new[] { CertificateEventKind.Issued, CertificateEventKind.Reissued, CertificateEventKind.Replaced, CertificateEventKind.ReviewPassed, CertificateEventKind.Revoked, CertificateEventKind.Cancelled },
            certificate.History.Select(e => e.Kind));
        Assert.Equal(certificate.History.Count, certificate.Version);
        Assert.Equal(certificate.History.Count, certificate.History.Select(e => e.Id).Distinct().Count());
        Assert.Equal(nameof(RevocationReason.FraudOrBribery), certificate.History[4].Reason);
        Assert.Equal(nameof(CancellationReason.CertificateRevoked), certificate.History[5].Reason);
    }

    [Fact]
    public void A_status_list_entry_is_assigned_once()
    {
        var certificate = Issue();
        certificate.AssignStatusEntry("gz-1", 42);
        Refused("CERT-STATUS-ASSIGNED", () => certificate.AssignStatusEntry("gz-2", 7));
        Assert.Equal("gz-1", certificate.StatusListId);
        Assert.Equal(42, certificate.StatusIndex);
    }

    private DateOnly ChinaTimeToday() => Core.Time.ChinaTime.Today(_clock);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
